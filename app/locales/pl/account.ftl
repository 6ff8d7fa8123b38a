## Konto, opinie, kopia danych, komunikaty o kluczu dostępu i strona bez internetu po
## polsku. Tłumaczone z pliku en/account.ftl.
## Każda wiadomość ma status w komentarzu nad nią: `# draft` (wersja robocza).


## Twoje klucze dostępu i logowania (strona konta)

# draft
account-title = Twoje klucze dostępu i sposoby logowania
# draft
account-where = Twoje zalogowane urządzenia
# draft
account-where-lead = Jeśli czegoś nie rozpoznajesz, wyloguj to.
# draft
account-this-device = To urządzenie
# draft
account-signed-in = Zalogowano dnia { $day }
# draft
account-sign-out-here = Wyloguj się tutaj
# draft
account-sign-out = Wyloguj: { $place }
# draft
account-last-used = Ostatnio użyto dnia { $day }
# draft
account-passkeys = Twoje klucze dostępu
# draft
account-passkeys-lead = Klucz dostępu pozwala telefonowi lub laptopowi zalogować się jako ty. Gdy usuniesz klucz, nastąpi wylogowanie tam, gdzie był użyty.
# draft
account-remove = Usuń: { $passkey }
# draft
account-not-used = Jeszcze nie użyto
# draft
account-removed = Usunięto
# draft
account-everything = Wszystko, co o tobie przechowujemy
# draft
account-everything-lead = Możesz zobaczyć wszystko, co o tobie przechowujemy, i zachować kopię.
# draft
account-everything-link = Zobacz wszystko, co o tobie przechowujemy
# draft
account-back-home = Wróć na stronę główną
# draft
account-important = Ważne

## Twoja kopia wszystkiego, co o tobie przechowujemy

# draft
own-title = Twoje dane
# draft
own-heading = Wszystko, co o tobie przechowujemy
# draft
own-holds = Jest tu wszystko, co portal o tobie przechowuje: twoje wpisy, każda ich zmiana, komu je udostępniono, co odpowiedzieli pracownicy i kto je czytał. Nie ma tu wpisów innych osób z twojej rodziny.
# draft
own-made-self = Ta kopia powstała dnia { $day }. { own-holds } Niektóre rzeczy pominęliśmy, żeby cię chronić, gdyby ktoś inny zajrzał do twojego telefonu, na przykład pilną wiadomość do pracowników. Pracownik może dać ci pełną kopię przy spotkaniu.
# draft
own-made-by = Tę kopię przygotowano na twoją prośbę dnia { $day }. Kto ją przygotował: { $name }. { own-holds }
# draft
own-keep = Zachowaj kopię
# draft
own-keep-lead = Każdy, kto otworzy ten plik, może go przeczytać. Trzymaj go w miejscu, do którego tylko ty masz dostęp.
# draft
own-download-word = Pobierz jako dokument Word
# draft
own-download-web = Pobierz jako stronę internetową
# draft
own-download-json = Pobierz jako dane dla komputera (JSON)
# draft
own-back = Wróć do swojego konta
# draft
own-about-you = O tobie
# draft
own-name = Imię i nazwisko
# draft
own-place = W rodzinie jako
# draft
own-born = Data urodzenia
# draft
own-reference = Numer sprawy rodziny
# draft
own-joined = Dodano do portalu
# draft
own-wrote = Twoje wpisy
# draft
own-nothing = Jeszcze nic.
# draft
own-unfinished = Niedokończone odpowiedzi
# draft
own-none = Brak.
# draft
own-draft-changed = { $tool }, ostatnia zmiana: { $day }
# draft
own-readers = Kto czytał twoje wpisy
# draft
own-no-readers = Nikt inny nie otwierał twoich wpisów.
# draft
own-reader = { $name } ({ $role })
# draft
own-read-once = (po raz pierwszy: { $first }, po raz ostatni: { $last }, przeczytano raz)
# draft
own-read-times = (po raz pierwszy: { $first }, po raz ostatni: { $last }, liczba odczytów: { $times })
# draft
own-messages = Wiadomości, gdy cię nie ma
# draft
own-no-messages-chosen = Nie wybrano otrzymywania wiadomości.
# draft
own-email = E-mail: { $email }
# draft
own-mobile = SMS-y: { $mobile }
# draft
own-every-message = Każda wiadomość mówi: „{ $sentence }”
# draft
own-no-messages-now = Teraz nie dostajesz żadnych wiadomości.
# draft
own-message-about = Dostajesz wiadomość: { $about }
# draft
own-about-reply = gdy pracownik odpowie na twój wpis
# draft
own-about-code = gdy powstanie dla ciebie nowy kod
# draft
own-about-reminder = przypomnienie w każdy dzień: { $day }
# draft
own-passkeys = Twoje klucze dostępu i sposoby logowania
# draft
own-passkey = Klucz dostępu „{ $name }”. Dodano dnia { $day }.
# draft
own-passkey-used = Klucz dostępu „{ $name }”. Dodano dnia { $day }. Ostatnio użyto dnia { $used }.
# draft
own-passkey-removed = Klucz dostępu „{ $name }”. Dodano dnia { $day }. Usunięto dnia { $gone }.
# draft
own-passkey-used-removed = Klucz dostępu „{ $name }”. Dodano dnia { $day }. Ostatnio użyto dnia { $used }. Usunięto dnia { $gone }.
# draft
own-signed-in = Zalogowano dnia { $day }, ostatnio użyto dnia { $used }.
# draft
own-shared-nobody = Nikomu nie udostępniono.
# draft
own-shared-workers = Udostępniono pracownikom dnia { $day }.
# draft
own-shared-workers-stopped = Udostępniono pracownikom dnia { $day }. Przestano udostępniać dnia { $stopped }.
# draft
own-shared-with = Udostępniono dnia { $day }. Komu: { $name }.
# draft
own-shared-with-stopped = Udostępniono dnia { $day }. Przestano udostępniać dnia { $stopped }. Komu: { $name }.
# draft
own-marked-read = Oznaczono jako przeczytane dnia { $day }. Kto: { $name }.
# draft
own-entry = { $tool }, { $day }
# draft
own-version = Wersja { $version }, { $day }
# draft
own-reply = Odpowiedź: { $name } ({ $role }), { $day }
# draft
own-said-against = Twoja odpowiedź na to, { $day }

## Kim ktoś jest w rodzinie

# draft
own-place-parent_carer = Rodzic lub opiekun
# draft
own-place-child = Dziecko lub młoda osoba

## Kto czytał lub odpowiedział: praca pracownika

# draft
own-role-team_manager = Kierownik zespołu
# draft
own-role-social_worker = Pracownik socjalny
# draft
own-role-child_and_family_practitioner = Specjalista ds. dzieci i rodzin
# draft
own-role-domestic_abuse_practitioner = Specjalista ds. przemocy domowej
# draft
own-role-domestic_abuse_worker_probation = Pracownik ds. przemocy domowej (kuratela)
# draft
own-role-mental_health_practitioner = Specjalista ds. zdrowia psychicznego
# draft
own-role-recovery_worker = Pracownik ds. wychodzenia z uzależnień
# draft
own-role-business_support_officer = Pracownik administracyjny
# draft
own-role-admin = Administrator
# draft
own-role-head_of_service = Kierownik służby

## Co zostało napisane, według strony, na której to napisano

# draft
own-tool-goal = Cel
# draft
own-tool-check_in = Jak mi idzie
# draft
own-tool-stage = Etap zmiany
# draft
own-tool-change_talk = Mówienie o zmianie
# draft
own-tool-safety_alert = Nie czuję się bezpiecznie
# draft
own-tool-house_item = Trzy Domy
# draft
own-tool-feeling = Jak się czuję
# draft
own-tool-worker_know = Co chcę, żeby wiedział mój pracownik
# draft
own-tool-important_person = Kto jest dla mnie ważny
# draft
own-tool-for_meeting = Na spotkanie mojego zespołu
# draft
own-tool-good_news = Coś, co poszło dobrze
# draft
own-tool-about_me = O mnie
# draft
own-tool-on_plan = Co myślę o planie

## Niedokończone odpowiedzi, według tego, co było pisane

# draft
own-draft-new_goal = Nowy cel
# draft
own-draft-edit_goal = Zmiana celu
# draft
own-draft-check_in = Jak mi idzie
# draft
own-draft-stage = Gdzie jesteś ze zmianą
# draft
own-draft-say = Coś do powiedzenia
# draft
own-draft-for_meeting = Na spotkanie twojego zespołu
# draft
own-draft-good_news = Coś, co poszło dobrze
# draft
own-draft-about_me = O mnie

## Nazwy odpowiedzi, które nie są pytaniami narzędzia

# draft
own-part-share = Kto może to zobaczyć
# draft
own-part-page = Strona
# draft
own-part-alert = Co napisano
# draft
own-part-house = Trzy Domy
# draft
own-part-feel = Jak się czuję
# draft
own-part-because = Ponieważ
# draft
own-part-pictures = Wybrane obrazki
# draft
own-part-own-words = Własnymi słowami
# draft
own-part-with = Nagrane w obecności

## Dni tygodnia, dla cotygodniowego przypomnienia

# draft
own-day-1 = poniedziałek
# draft
own-day-2 = wtorek
# draft
own-day-3 = środa
# draft
own-day-4 = czwartek
# draft
own-day-5 = piątek
# draft
own-day-6 = sobota
# draft
own-day-7 = niedziela

## Podziel się opinią o tej usłudze

# draft
feedback-title = Podziel się opinią
# draft
feedback-heading = Podziel się opinią o tej usłudze
# draft
feedback-warning = Uwaga
# draft
feedback-not-read = Twój pracownik tego nie czyta. Dlatego nie pisz tu imion ani niczego o swojej rodzinie. Jeśli chcesz coś powiedzieć pracownikowi, porozmawiaj z nim.
# draft
feedback-how = Jak oceniasz tę usługę?
# draft
feedback-very_satisfied = Bardzo dobrze
# draft
feedback-satisfied = Dobrze
# draft
feedback-neither = Ani dobrze, ani źle
# draft
feedback-dissatisfied = Źle
# draft
feedback-very_dissatisfied = Bardzo źle
# draft
feedback-improve = Co możemy poprawić w tej usłudze?
# draft
feedback-send = Wyślij opinię
# draft
feedback-sent-title = Opinia wysłana
# draft
feedback-thanks = Dziękujemy za twoją opinię
# draft
feedback-we-read = Czytamy wszystkie opinie i dzięki nim ulepszamy tę usługę.

## Problemy z formularzem opinii

# draft
error-feedback-choose = Wybierz, jak oceniasz tę usługę.
# draft
error-feedback-old-page = Ta strona jest nieaktualna. Odśwież stronę i spróbuj jeszcze raz.

## Klucze dostępu: komunikaty skryptu

# draft
passkey-no-script = Aby użyć tu blokady ekranu telefonu, włącz JavaScript w przeglądarce. Jeśli nie możesz, poproś pracownika o pomoc.
# draft
passkey-cancelled = To się nie udało. Może zostało to anulowane albo ten telefon nie ma ustawionej blokady ekranu. Spróbuj jeszcze raz.

## Problemy z kluczem dostępu

# draft
passkey-no-code = Wpisz kod, który dał ci pracownik
# draft
passkey-code = Ten kod jest błędny, został już użyty albo wygasł. Poproś pracownika o nowy.
# draft
passkey-too-long = Trwało to za długo albo zostało już użyte. Zacznij od nowa.
# draft
passkey-refused = Ten klucz dostępu nie został przyjęty. Spróbuj jeszcze raz albo poproś pracownika o pomoc.
# draft
passkey-not-accepted = Ten klucz dostępu nie zadziałał.
# draft
passkey-confirm = Najpierw potwierdź, że to ty.

## Gdy strony nie ma albo coś poszło nie tak

# draft
problem-not-found = Nie znaleziono strony
# draft
problem-typed = Jeśli adres został wpisany, sprawdź, czy jest poprawny.
# draft
problem-pasted = Jeśli adres został wklejony, sprawdź, czy skopiowano go w całości.
# draft
problem-start-page = Przejdź do strony startowej
# draft
problem-sign-in = Musisz się zalogować
# draft
problem-signed-out = Możliwe, że nastąpiło wylogowanie, bo przez jakiś czas nic się nie działo.
# draft
problem-title = Przepraszamy, wystąpił problem
# draft
problem-service = Przepraszamy, wystąpił problem z usługą
# draft
problem-service-advice = Spróbuj ponownie później. To, co wysłano wcześniej, jest zapisane.

## Problemy z żądaniem

# draft
error-service = Przepraszamy, wystąpił problem z usługą. Spróbuj ponownie później.
# draft
error-sign-in-needed = Musisz się zalogować, żeby zobaczyć tę stronę.
# draft
error-too-many = Było zbyt wiele prób. Poczekaj godzinę i spróbuj jeszcze raz albo poproś pracownika o pomoc.
# draft
error-refused = Odmówiono wykonania tej prośby
# draft
error-bad-request = Coś było nie tak z tą prośbą. Wróć, odśwież stronę i spróbuj jeszcze raz.
# draft
error-not-sent = Twoje odpowiedzi nie zostały wysłane. Sprawdź połączenie i spróbuj jeszcze raz. Nic, co wpisano, nie zginęło.

## Gdy telefon nie ma internetu

# draft
offline-title = Nie masz połączenia z internetem
# draft
offline-lead = Nie udało się otworzyć tej strony. Sprawdź, czy telefon ma zasięg albo Wi-Fi, i spróbuj jeszcze raz.
# draft
offline-try-again = Spróbuj jeszcze raz
# draft
offline-held = Nie masz połączenia z internetem. To, co wpisano, nadal tu jest i zostanie wysłane, gdy telefon znów będzie w sieci.
