## Pozostałe strony dla rodzin po polsku. Tłumaczone z pliku en/pages.ftl.
## Każda wiadomość ma status w komentarzu nad nią: `# draft` (wersja robocza).


## Strona jednego wpisu

# draft
entry-page-mine = Twój wpis
# draft
entry-page-shared = Coś, co ktoś ci udostępnił
# draft
entry-page-shared-by = Udostępnione tobie. Od: { $name }

## Odpowiedź pracownika i „Nie zgadzam się”

# draft
replies-heading = Co odpowiedział pracownik
# draft
replies-by = { $name } ({ $role }), { $day }
# draft
replies-you-disagreed = Twój sprzeciw, { $day }
# draft
replies-disagree-link = Nie zgadzam się z tym
# draft
replies-disagree-question = Z czym się nie zgadzasz i dlaczego?
# draft
replies-disagree-hint = Zobaczy to pracownik i każdy, kto czyta jego słowa. Będzie to tuż obok nich.
    .easy = Pracownik zobaczy to obok swoich słów.
# draft
error-write-first = Najpierw coś napisz.

## Kto widział moje wpisy

# draft
seen-heading = Kto widział twoje wpisy
# draft
seen-nobody = Nikt inny nie otworzył jeszcze żadnego z twoich wpisów.
# draft
seen-lead = Tu widać każdą osobę, która otworzyła któryś z twoich wpisów: co otworzyła i kiedy. Na górze jest ta, która zrobiła to ostatnio.
    .easy = Kto otworzył twoje wpisy i kiedy. Najnowsze są na górze.
# draft
seen-reader = { $name }, { $role }
# draft
seen-opened-once = Otwarte raz: { $time }.
# draft
seen-opened-times = Otwarte { $count } razy: pierwszy raz { $first }, ostatnio { $last }.
# draft
check-in-words = Teraz { $now } na 10; chcę dojść do { $want }

## Skąd jest każdy wpis, tak jak nazywa to strona „Kto widział”

# draft
seen-tool-goal = Cel
# draft
seen-tool-check_in = Sprawdzenie, jak idzie
# draft
seen-tool-stage = Etap zmiany
# draft
seen-tool-change_talk = Coś, co chcę powiedzieć
# draft
seen-tool-safety_alert = Nie czuję się bezpiecznie
# draft
seen-tool-house_item = Trzy domy
# draft
seen-tool-feeling = Jak się czuję
# draft
seen-tool-worker_know = Co pracownik ma wiedzieć
# draft
seen-tool-important_person = Kto jest dla mnie ważny
# draft
seen-tool-for_meeting = Na spotkanie mojego zespołu
# draft
seen-tool-good_news = Coś, co poszło dobrze
# draft
seen-tool-about_me = O mnie
# draft
seen-tool-on_plan = Co myślę o planie

## Role osób: kto coś przeczytał, kto odpowiedział, kto był na spotkaniu

# draft
role-team_manager = kierownik zespołu
# draft
role-social_worker = pracownik socjalny
# draft
role-child_and_family_practitioner = specjalista do spraw dzieci i rodziny
# draft
role-domestic_abuse_practitioner = specjalista do spraw przemocy domowej
# draft
role-domestic_abuse_worker_probation = kurator do spraw przemocy domowej
# draft
role-mental_health_practitioner = specjalista do spraw zdrowia psychicznego
# draft
role-recovery_worker = terapeuta uzależnień
# draft
role-business_support_officer = pracownik biura
# draft
role-admin = administrator
# draft
role-head_of_service = kierownik służby
# draft
role-parent_carer = rodzic lub opiekun
# draft
role-child = dziecko lub młoda osoba
# draft
role-case_system = system rady do prowadzenia spraw

## Godziny: zegar 24-godzinny, na przykład „22 listopada 2026, godz. 19:45”

# draft
time-at = { $date }, { $time }
# draft
time-clock = godz. { $time24 }
# draft
time-hour = { $time24 }

## Co postanowił twój zespół

# draft
decided-met = Twój zespół spotkał się dnia { $day }, żeby porozmawiać o tym, jak idzie.
# draft
decided-who = Na spotkaniu byli: { $roles }.
# draft
decided-comma = { ", " }
# draft
decided-words = Co postanowiliśmy i dlaczego
# draft
decided-think = Co myślę o planie
# draft
decided-think-hint = Napisz to własnymi słowami. Jeśli to udostępnisz, zespół przeczyta to słowo w słowo. Trafi to też na jego następne spotkanie.
    .easy = Napisz to po swojemu. Jeśli to udostępnisz, zespół to przeczyta.
# draft
error-write-plan = Napisz, co myślisz o planie.

## Pomoc

# draft
help-heading = Pomoc
# draft
help-danger = Jeśli teraz grozi ci niebezpieczeństwo, zadzwoń pod 999.
# draft
help-silent = Jeśli nie możesz mówić, zadzwoń pod 999, a potem naciśnij 55, gdy usłyszysz taką prośbę. Policja będzie wtedy wiedzieć, że potrzebujesz pomocy.
    .easy = Nie możesz mówić? Zadzwoń pod 999. Potem naciśnij 55.
# draft
help-tell = Powiedz pracownikowi
# draft
help-tell-hint = Pracownik dowie się o tym od razu. Na tym ekranie nic się nie pokaże.
    .easy = Pracownik dowie się od razu. Na ekranie nic się nie pokaże.
# draft
help-not-safe = Nie czuję się teraz bezpiecznie

## Wiadomości, gdy cię nie ma. Same wiadomości są wysyłane po angielsku: obok angielskich
## słów strona mówi, co znaczą.

# draft
messages-lead = Możemy wysłać ci SMS albo e-mail, gdy czeka tu coś dla ciebie. Będzie w nim zawsze tylko jedno krótkie zdanie, które wybierzesz. Nie będzie w nim twojego imienia ani tego, co ktoś napisał. Nie będzie też nazwy tej usługi, chyba że o to poprosisz.
    .easy = Możemy wysłać ci SMS albo e-mail, gdy jest tu coś nowego. Nie napiszemy, co to jest.
# draft
messages-stopped = Nie będziemy wysyłać ci żadnych wiadomości.
# draft
messages-sent = Wysłaliśmy ci kod. Wpisz go poniżej, żeby wiadomości zaczęły przychodzić.
# draft
messages-proved = Dziękujemy. Wiadomości zaczną przychodzić.
# draft
messages-saved = Twoje wybory są zapisane.
# draft
messages-off = Część twoich wiadomości jest wyłączona. Wybierz, jak mamy cię powiadamiać, żeby znów je włączyć.
# draft
messages-back = Wróć do strony głównej
# draft
messages-check = Sprawdźmy, czy to ty
# draft
messages-check-lead = Wysyłamy ci wiadomości dopiero wtedy, gdy wpiszesz kod, który ci wysłaliśmy. Kod działa przez 30 minut.
    .easy = Wpisz kod, który ci wysłaliśmy. Działa przez 30 minut.
# draft
messages-code-email = Kod wysłany na adres { $address }
# draft
messages-code-text = Kod wysłany SMS-em na numer { $address }
# draft
messages-confirm = Potwierdź
# draft
messages-new-code = Wyślij nowy kod
# draft
messages-stop-all = Zatrzymaj wszystkie wiadomości
# draft
messages-how = Jak mamy cię powiadamiać?
# draft
messages-how-hint = Wybierz jedno albo oba.
# draft
messages-by-email = E-mailem
# draft
messages-by-text = SMS-em
# draft
messages-email = Adres e-mail (jeśli wybierasz e-mail)
# draft
messages-mobile = Brytyjski numer komórki (jeśli wybierasz SMS)
# draft
messages-what = Co ma być napisane w wiadomości?
# draft
messages-in-english = Wiadomość wysyłamy po angielsku, dokładnie tymi słowami.
# draft
messages-wording-new_message = Masz nową wiadomość. Zaloguj się, żeby ją przeczytać.
# draft
messages-wording-something_waiting = Coś na ciebie czeka. Zaloguj się, żeby to zobaczyć.
# draft
messages-wording-reminder = To twoje przypomnienie.
# draft
messages-warning = Uwaga
# draft
messages-say-service-warning = Jeśli w wiadomości będzie nazwa tej usługi, inni mogą się domyślić, o co chodzi. Pomyśl, kto widzi twój telefon albo e-mail.
# draft
messages-say-service = Zacznij wiadomość od nazwy tej usługi
# draft
messages-when = Kiedy mamy wysyłać wiadomość?
# draft
messages-on-response = Gdy pracownik odpowie na twój udostępniony wpis
# draft
messages-on-code = Gdy jest dla ciebie nowy kod do logowania
# draft
messages-on-reminder = Przypomnienie raz w tygodniu, żeby sprawdzić, jak idzie
# draft
messages-day = W jaki dzień przypominać?
# draft
messages-day-hint = Przychodzi około godz. 10:00.
# draft
messages-choose-day = Wybierz dzień
# draft
messages-weekday-0 = Poniedziałek
# draft
messages-weekday-1 = Wtorek
# draft
messages-weekday-2 = Środa
# draft
messages-weekday-3 = Czwartek
# draft
messages-weekday-4 = Piątek
# draft
messages-weekday-5 = Sobota
# draft
messages-weekday-6 = Niedziela
# draft
messages-quiet = Godziny ciszy
# draft
messages-quiet-hint = Poczekamy, aż się skończą, i dopiero wtedy coś wyślemy.
# draft
messages-from = Od
# draft
messages-until = Do
# draft
messages-no-quiet = Bez godzin ciszy
# draft
messages-save = Zapisz moje wybory

## Problemy z formularzem wiadomości

# draft
error-messages-how = Wybierz e-mail albo SMS albo wybierz „Zatrzymaj wszystkie wiadomości”
# draft
error-messages-email = Wpisz swój adres e-mail
# draft
error-messages-email-format = Wpisz poprawny adres e-mail, na przykład imie@example.com
# draft
error-messages-mobile = Wpisz swój numer komórki
# draft
error-messages-mobile-format = Wpisz brytyjski numer komórki, na przykład 07700 900 982
# draft
error-messages-what = Wybierz, co ma być napisane w wiadomości
# draft
error-messages-when = Wybierz, kiedy mamy wysłać ci wiadomość, albo wybierz „Zatrzymaj wszystkie wiadomości”
# draft
error-messages-day = Wybierz dzień przypomnienia
# draft
error-messages-quiet-same = Godziny ciszy muszą zaczynać się i kończyć o różnych porach
# draft
error-messages-quiet-start = Wybierz, kiedy zaczynają się godziny ciszy, albo wybierz „Bez godzin ciszy”
# draft
error-messages-quiet-end = Wybierz, kiedy kończą się godziny ciszy
# draft
error-messages-code = Wpisz 6-cyfrowy kod, który ci wysłaliśmy
# draft
error-messages-code-wrong = Ten kod nie jest dobry albo ma więcej niż 30 minut. Sprawdź go albo wyślij nowy kod
# draft
error-messages-too-many = W ciągu ostatniej godziny wysłaliśmy ci za dużo kodów. Spróbuj później.

## Wykres w „Moje postępy”. Osie biegną od lewej do prawej. Zdanie mówi, jak wygląda
## każda linia: „Linia ciągła w kolorze niebieskim, z kropką przy każdym sprawdzeniu: …”.

# draft
chart-line = Linia { $line } w kolorze { $colour }, z { $with } przy każdym sprawdzeniu: { $name }.
# draft
chart-point = { $shape } w kolorze { $colour }: { $name }.
# draft
chart-colour-blue = niebieskim
# draft
chart-colour-black = czarnym
# draft
chart-colour-green = zielonym
# draft
chart-colour-purple = fioletowym
# draft
chart-line-solid = ciągła
# draft
chart-line-dashed = przerywana
# draft
chart-line-dotted = kropkowana
# draft
chart-shape-dot = Kropka
    .with = kropką
# draft
chart-shape-square = Kwadrat
    .with = kwadratem
# draft
chart-shape-triangle = Trójkąt
    .with = trójkątem
# draft
chart-shape-diamond = Romb
    .with = rombem
# draft
chart-series-where-you-were = twój wynik
# draft
chart-series-where-you-want-to-be = gdzie chcesz dojść

## Twoje miejsce: dzień wpisu i etap celu, każde jako zdanie

# draft
space-said-on = { $day }.
# draft
space-stage = { $stage }.
