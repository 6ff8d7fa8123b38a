## Strony portalu dla rodzin po polsku. Tłumaczone z pliku en/portal.ftl.
## Każda wiadomość ma status w komentarzu nad nią: `# draft` (wersja robocza).

## Każda strona

# draft
skip-to-main = Przejdź do treści
# draft
exit-this-page = Wyjdź z tej strony
# draft
exit-emergency = Pilne
# draft
read-aloud = Przeczytaj mi to
# draft
read-aloud-no-voice = Ten telefon nie umie czytać na głos w tym języku.
# draft
footer-support = Linki wsparcia
# draft
footer-help = Pomoc
# draft
footer-feedback = Podziel się opinią o tej usłudze
# draft
footer-run-by = Prowadzi: { $organisation }
# draft
footer-language = Język
# draft
back = Wstecz
# draft
continue = Dalej
# draft
error-prefix = Błąd:
# draft
error-summary-title = Jest problem
# draft
success = Udało się

## Wybór języka

# draft
language-title = Wybierz język
# draft
language-hint = Możesz to zmienić w każdej chwili, na dole każdej strony.
# draft
language-save = Zapisz
# draft
language-saved = Twój język jest zapisany.

## Strona startowa

# draft
landing-title = Start
# draft
landing-heading = Powiedz, co myślisz, własnymi słowami
# draft
landing-lead = Tutaj możesz powiedzieć pracownikom, którzy pomagają twojej rodzinie, co jest dla ciebie ważne. Możesz też napisać, co chcesz zmienić i jak ci idzie.
# draft
landing-you-can = Możesz:
# draft
landing-can-goals = zapisać, co chcesz zmienić i dlaczego
# draft
landing-can-score = powiedzieć, jak ci idzie, w skali od 0 do 10
# draft
landing-can-share = wybrać, co pracownik zobaczy i kiedy
# draft
landing-private = To, co piszesz, jest prywatne, dopóki nie zdecydujesz się tego udostępnić.
# draft
landing-sign-in = Zaloguj się
# draft
landing-no-sign-in = Jeśli nie możesz się jeszcze zalogować
# draft
landing-ask-worker = Pracownik da ci kod, żeby ustawić logowanie. Zrobi to osobiście. Zapytaj o to przy następnej wizycie.

## Ustawianie logowania

# draft
start-title = Ustaw logowanie
# draft
start-lead = Będziesz logować się tak, jak odblokowujesz telefon: odciskiem palca, twarzą albo kodem PIN.
# draft
start-code = Kod od pracownika
# draft
start-code-hint = Na przykład K7PQ2-XM4RT

## Strona główna rodzica

# draft
home-title = Strona główna
# draft
home-hello = Cześć, { $name }
# draft
home-heading = Twoje miejsce
# draft
home-signed-in = Zalogowano jako { $name }. To, co piszesz, jest prywatne, dopóki nie zdecydujesz się tego udostępnić.
    .easy = Tylko ty widzisz to, co piszesz.
# draft
home-other-things = Inne twoje wpisy
# draft
home-shared-with-you = Udostępnione tobie
# draft
home-who-has-seen = Kto widział moje wpisy
# draft
home-messages = Wiadomości, gdy cię nie ma
# draft
home-passkeys = Twoje klucze dostępu i sposoby logowania
# draft
sign-out = Wyloguj się
# draft
home-meeting = Spotkanie twojego zespołu
# draft
home-meeting-on = Twój zespół spotyka się dnia { $day }, żeby porozmawiać o tym, jak idzie.
    .easy = Twój zespół spotyka się { $day }.
# draft
home-meeting-ask = Czy chcesz, żeby o czymś wiedzieli?
# draft
home-tell-team = Napisz do zespołu
# draft
home-decided = Co postanowił twój zespół
# draft
home-decided-met = Twój zespół spotkał się dnia { $day }.
# draft
home-decided-read = To jest już przeczytane. Możesz przeczytać to jeszcze raz i powiedzieć, co o tym myślisz.
    .easy = Możesz to przeczytać jeszcze raz.
# draft
home-decided-unread = Zespół zapisał, co postanowił i dlaczego. Możesz to przeczytać.
    .easy = Twój zespół zapisał, co postanowił.
# draft
home-decided-link = Przeczytaj, co zespół postanowił dnia { $day }
# draft
home-replied = Masz odpowiedź od pracownika. Przeczytaj ją
# draft
home-my-goals = Moje cele
# draft
home-no-goals = Nie masz jeszcze żadnego celu.
# draft
home-goal-scores = Teraz { $now } na 10, a chcesz dojść do { $want }.
    .easy =
        Teraz jesteś na { $now }.
        Chcesz dojść do { $want }.
# draft
home-no-check-in = Jeszcze nie sprawdzano, jak idzie.
# draft
home-read-on = Przeczytane przez pracownika dnia { $day }
# draft
home-add-goal = Dodaj cel
# draft
home-things-to-say = Co chcę powiedzieć
# draft
home-nothing-yet = Na razie nic.
# draft
home-workers-see = Pracownicy, którzy ci pomagają, mogą to zobaczyć.
# draft
home-only-you = Tylko ty to widzisz.
# draft
home-say-something = Powiedz coś
# draft
home-went-well = Coś, co poszło dobrze
# draft
home-about-me = O mnie
# draft
home-stop-sharing = Przestań to udostępniać
# draft
home-share = Udostępnij to pracownikom
# draft
entry-you-wrote = Twój wpis z dnia { $day }.
# draft
entry-shared-by = Udostępniono ci to dnia { $day }. Od: { $name }.
# draft
entry-open = Otwórz
# draft
entry-worker-replied = Masz odpowiedź od pracownika.

## Kto może to zobaczyć

# draft
share-legend = Kto może to zobaczyć?
# draft
share-hint = Możesz to później zmienić.
# draft
share-only-me = Tylko ja
# draft
share-workers = Ja i pracownicy, którzy mi pomagają

## Strona jednego celu

# draft
goal-title = Cel
# draft
goal-caption = Mój cel
# draft
goal-stage = Na jakim etapie jestem
# draft
goal-no-stage = Jeszcze nie wybrano
# draft
goal-check-in = Sprawdź, jak idzie z tym celem
# draft
goal-say-stage = Powiedz, na jakim etapie jesteś
# draft
goal-change = Zmień ten cel
# draft
goal-back-home = Wróć do swojego miejsca

## Strony narzędzi, jedno pytanie na stronę

# draft
tool-new-goal = Dodaj cel
# draft
tool-edit-goal = Zmień swój cel
# draft
tool-check-in = Sprawdź, jak idzie
# draft
tool-stage = Na jakim etapie jesteś
# draft
tool-say = Coś, co chcę powiedzieć
# draft
tool-meeting = Na spotkanie zespołu
# draft
tool-good-news = Coś, co poszło dobrze
# draft
tool-about-me = O mnie
# draft
optional = (nieobowiązkowe)
# draft
saved-as-you-type = Zapisujemy na bieżąco, gdy piszesz. Możesz wrócić do tego później.
# draft
not-saved-yet = Jeszcze nie zapisano. To, co piszesz, nadal tu jest: sprawdź połączenie z internetem i naciśnij „Dalej”.
# draft
not-answered = Brak odpowiedzi
# draft
score-out-of-ten = { $score } na 10
# draft
own-way = Po swojemu
# draft
ruler-not-lower = Twój wybór to { $n }. Dlaczego { $n }, a nie mniej?
    .easy = Dlaczego { $n }, a nie mniej?
# draft
ruler-up-one = Twój wybór to { $n }. Co pomogłoby ci przejść o jeden w górę, do { $next }?
    .easy = Co pomoże dojść do { $next }?
# draft
check-title = Sprawdź swoje odpowiedzi
# draft
check-nothing = Na razie nie ma nic do sprawdzenia
# draft
check-start-again = Zacznij od pierwszego pytania
# draft
check-kept = Twoje wcześniejsze wpisy zostają zapisane. Zawsze możesz zobaczyć, jak to się zmieniało.
# draft
check-change = Zmień
# draft
save-goal = Zapisz cel
# draft
save-changes = Zapisz zmiany
# draft
save-check-in = Zapisz sprawdzenie
# draft
save = Zapisz
# draft
discard-edit-link = Anuluj: zostaw cel bez zmian
# draft
discard-edit-question = Czy na pewno chcesz przestać zmieniać swój cel?
# draft
discard-goal-link = Wyrzuć ten cel
# draft
discard-goal-question = Czy na pewno chcesz wyrzucić ten cel?
# draft
discard-check-in-link = Wyrzuć to sprawdzenie
# draft
discard-check-in-question = Czy na pewno chcesz wyrzucić to sprawdzenie?
# draft
discard-link = Wyrzuć to
# draft
discard-question = Czy na pewno chcesz to wyrzucić?
# draft
discard-edit-lost = Twoje zmiany nie zostaną zapisane. Cel zostanie taki, jak był.
# draft
discard-edit-yes = Tak, zostaw cel bez zmian
# draft
discard-lost = Wszystkie twoje odpowiedzi z tej strony zostaną usunięte. Nie da się ich odzyskać. Nic nie zostało udostępnione.
# draft
discard-yes = Tak, wyrzuć to
# draft
discard-no = Nie, wróć do moich odpowiedzi
# draft
discard-title = Czy na pewno?

## Pytania. `.short` to nazwa odpowiedzi na stronie „Sprawdź swoje odpowiedzi”.

# draft
q-goal-change = Co chcesz zmienić?
    .short = Co chcę zmienić
    .hint = Napisz to własnymi słowami.
    .easy = Co chcesz zmienić?
# draft
q-goal-why = Dlaczego to jest dla ciebie ważne?
    .short = Dlaczego to jest dla mnie ważne
    .easy = Dlaczego to ważne?
# draft
q-goal-steps = Co zrobisz, krok po kroku?
    .short = Co zrobię, krok po kroku
    .easy = Co zrobisz?
# draft
q-goal-helpers = Kto może ci pomóc?
    .short = Kto może pomóc
    .easy = Kto może pomóc?
# draft
q-goal-signs = Po czym poznasz, że to działa?
    .short = Po czym poznam, że to działa
    .easy = Jak poznasz, że działa?
# draft
q-goal-obstacles = Co może przeszkodzić?
    .short = Co może przeszkodzić
    .easy = Co może przeszkodzić?
# draft
q-check-now = Gdzie jesteś teraz, w skali od 0 do 10?
    .short = Gdzie jestem teraz
    .hint = 0 znaczy: najgorzej, jak może być. 10 znaczy: najlepiej.
    .easy = Gdzie jesteś teraz?
    .easy-hint =
        0 to najgorzej.
        10 to najlepiej.
# draft
q-check-want = Gdzie chcesz być, w skali od 0 do 10?
    .short = Gdzie chcę być
    .hint = 0 znaczy: najgorzej, jak może być. 10 znaczy: najlepiej.
    .easy = Gdzie chcesz być?
    .easy-hint =
        0 to najgorzej.
        10 to najlepiej.
# draft
q-check-note = Chcesz coś dodać?
    .short = Co chcę dodać
    .easy = Coś jeszcze?
# draft
q-check-importance = Jak ważna jest dla ciebie ta zmiana, w skali od 0 do 10?
    .short = Jak ważne to jest dla mnie
    .hint = 0 znaczy: wcale nieważne. 10 znaczy: najważniejsza rzecz.
    .easy = Jak bardzo to ważne?
    .easy-hint =
        0 to wcale.
        10 to bardzo.
# draft
q-check-importance_not_lower = Dlaczego ta liczba, a nie niższa?
    .short = Dlaczego ta liczba przy ważności, a nie niższa
    .easy = Dlaczego ta liczba?
# draft
q-check-importance_up_one = Co pomogłoby ci przejść o jeden w górę?
    .short = Co sprawi, że będzie to dla mnie o jeden ważniejsze
    .easy = Co by pomogło?
# draft
q-check-confidence = Na ile wierzysz, że ci się uda, w skali od 0 do 10?
    .short = Na ile wierzę, że mi się uda
    .hint = 0 znaczy: wcale w to nie wierzę. 10 znaczy: wierzę w pełni.
    .easy = Jak bardzo wierzysz, że się uda?
    .easy-hint =
        0 to wcale.
        10 to bardzo.
# draft
q-check-confidence_not_lower = Dlaczego ta liczba, a nie niższa?
    .short = Dlaczego ta liczba przy wierze w siebie, a nie niższa
    .easy = Dlaczego ta liczba?
# draft
q-check-confidence_up_one = Co pomogłoby ci przejść o jeden w górę?
    .short = Co doda mi wiary w siebie o jeden więcej
    .easy = Co by pomogło?
# draft
q-stage-stage = Na jakim etapie jesteś z tym celem?
    .short = Na jakim etapie jestem
    .easy = Jak ci idzie?
# draft
q-say-kind = Jak chcesz zacząć?
    .short = Jak zaczynam
    .hint = Wybierz początek zdania albo napisz po swojemu.
    .easy = Jak chcesz zacząć?
# draft
q-say-text = Co chcesz powiedzieć?
    .short = Co chcę powiedzieć
    .hint = Dokończ zdanie własnymi słowami.
    .easy = Co chcesz powiedzieć?
# draft
q-meeting-text = Czy chcesz, żeby o czymś wiedzieli?
    .short = Co chcę, żeby wiedzieli
    .hint = Napisz własnymi słowami. Może to być coś, co poszło dobrze, coś, co cię martwi, albo czego chcesz od planu.
    .easy = Co zespół powinien wiedzieć?
# draft
q-good-text = Co poszło dobrze?
    .short = Co poszło dobrze
    .hint = Coś dużego albo małego: coś, co udało ci się zrobić, coś, co jest teraz łatwiejsze, albo dobry dzień.
    .easy = Co poszło dobrze?
# draft
q-about-know = Co inni powinni o tobie wiedzieć?
    .short = Co inni powinni o mnie wiedzieć
    .hint = To dla pracowników, którzy jeszcze cię nie znają. Napisz tyle, ile chcesz.
    .easy = Co inni powinni o tobie wiedzieć?
# draft
q-about-helps = Co ci pomaga?
    .short = Co mi pomaga
    .hint = Na przykład, gdy jest ciężko. Możesz to pominąć.
    .easy = Co ci pomaga?
# draft
q-about-spoken = Jak chcesz, żeby ludzie z tobą rozmawiali?
    .short = Jak chcę, żeby ludzie ze mną rozmawiali
    .hint = Na przykład, jak się do ciebie zwracać albo czego wolisz nie słyszeć. Możesz to pominąć.
    .easy = Jak inni mają do ciebie mówić?

## Etapy zmiany. Cofnięcie się jest normalne: nigdy nie opisuj go jako porażki.

# draft
stage-not_thinking = Jeszcze o tym nie myślę
    .hint = Teraz nie chcę tego zmieniać.
# draft
stage-thinking = Myślę o tym
    .hint = Część mnie chce to zmienić, a część nie.
# draft
stage-getting_ready = Przygotowuję się
    .hint = Planuję, jak to zrobić.
# draft
stage-doing = Robię to
    .hint = Już zaczynam tę zmianę.
# draft
stage-keeping_going = Dalej to robię
    .hint = Robię to już od jakiegoś czasu.
# draft
stage-slipped_back = Trochę się cofnęło
    .hint = Wróciło trochę tak, jak było. Tak dzieje się u większości ludzi, gdy coś zmieniają. Możesz zacząć od nowa.

## Początki zdań, żeby coś powiedzieć

# draft
starter-desire = Chcę…
# draft
starter-ability = Mogę…
# draft
starter-reasons = To ważne, bo…
# draft
starter-need = Muszę…
# draft
starter-commitment = Będę…
# draft
starter-activation = Teraz jest czas, żeby…
# draft
starter-taking_steps = W tym tygodniu…

## Problemy z odpowiedzią

# draft
error-write-change = Napisz, co chcesz zmienić.
# draft
error-write-say = Napisz, co chcesz powiedzieć.
# draft
error-write-team = Napisz, co chcesz przekazać zespołowi.
# draft
error-write-went-well = Napisz, co poszło dobrze.
# draft
error-write-about-me = Napisz, co inni powinni o tobie wiedzieć.
# draft
error-choose-stage = Wybierz, na jakim etapie jesteś z tym celem.
# draft
error-choose-starter = Wybierz, jak chcesz zacząć, albo wybierz pisanie po swojemu.
# draft
error-enter-now = Wpisz liczbę od 0 do 10, która pokazuje, gdzie jesteś teraz.
# draft
error-enter-want = Wpisz liczbę od 0 do 10, która pokazuje, gdzie chcesz być.
# draft
error-range-now = Ocena tego, gdzie jesteś teraz, musi być liczbą od 0 do 10.
# draft
error-range-want = Ocena tego, gdzie chcesz być, musi być liczbą od 0 do 10.
# draft
error-range-importance = Ocena tego, jak ważna jest ta zmiana, musi być liczbą od 0 do 10.
# draft
error-range-confidence = Ocena tego, na ile wierzysz, że ci się uda, musi być liczbą od 0 do 10.
# draft
error-whole-now = Ocena tego, gdzie jesteś teraz, musi być pełną liczbą od 0 do 10, na przykład 4.
# draft
error-whole-want = Ocena tego, gdzie chcesz być, musi być pełną liczbą od 0 do 10, na przykład 4.
# draft
error-whole-importance = Ocena tego, jak ważna jest ta zmiana, musi być pełną liczbą od 0 do 10, na przykład 4.
# draft
error-whole-confidence = Ocena tego, na ile wierzysz, że ci się uda, musi być pełną liczbą od 0 do 10, na przykład 4.

## A goal's page: sharing and stages

# draft
goal-you-and-workers = Ty i pracownicy, którzy ci pomagają, możecie to zobaczyć.
# draft
goal-share-workers = Udostępnij pracownikom
# draft
goal-stop-sharing-workers = Przestań udostępniać pracownikom
# draft
goal-stop-sharing-with = Przestań udostępniać: { $name }
# draft
goal-share-someone = Udostępnij komuś z rodziny
# draft
goal-share-who = Komu chcesz pokazać ten cel?
# draft
goal-share-choose = Wybierz osobę
# draft
goal-share-them = Udostępnij tej osobie
# draft
goal-also-shared = { $names } też to widzą.
# draft
goal-stages = Jak mi szło do tej pory
# draft
goal-stage-on = { $stage }, dnia { $day }.

## Dates, such as 3 December 2026

# draft
date = { $day } { $month } { $year }
# draft
month-1 = stycznia
# draft
month-2 = lutego
# draft
month-3 = marca
# draft
month-4 = kwietnia
# draft
month-5 = maja
# draft
month-6 = czerwca
# draft
month-7 = lipca
# draft
month-8 = sierpnia
# draft
month-9 = września
# draft
month-10 = października
# draft
month-11 = listopada
# draft
month-12 = grudnia

## A goal's progress

# draft
progress-heading = Moje postępy
# draft
progress-none = Nie ma jeszcze żadnego sprawdzenia tego celu.
# draft
progress-once = Jedno sprawdzenie: { $now } na 10, a chcesz być na { $want }.
# draft
progress-up = Po { $count } sprawdzeniach jest lepiej: z { $first } na { $last } na 10. Chcesz być na { $want }.
# draft
progress-down = Po { $count } sprawdzeniach jest niżej: z { $first } na { $last } na 10. Chcesz być na { $want }.
# draft
progress-same = Po { $count } sprawdzeniach jest tak samo: z { $first } na { $last } na 10. Chcesz być na { $want }.
# draft
progress-shared = Widzisz to ty i pracownicy
# draft
progress-private = Widzisz to tylko ty
# draft
progress-table = Twoje sprawdzenia
# draft
progress-date = Data
# draft
progress-were = Twój wynik
# draft
progress-want = Gdzie chcesz dojść
# draft
progress-important = Jak ważne
# draft
progress-sure = Jak pewnie

## Signing in and out

# draft
sign-in-title = Zaloguj się
# draft
sign-in-lead = Użyj blokady ekranu telefonu, na przykład odcisku palca, twarzy albo kodu PIN. Hasło nie jest potrzebne.
# draft
sign-in-button = Zaloguj się blokadą ekranu
# draft
sign-in-first-time = Pierwsze logowanie
# draft
sign-in-have-code = Mam kod od pracownika
# draft
signed-out-title = Wylogowano
# draft
signed-out-heading = Nastąpiło wylogowanie
# draft
sign-in-again = Zaloguj się ponownie
# draft
locked-title = Zablokowano
# draft
locked-heading = Ten ekran sam się zablokował
# draft
locked-lead = Przez jakiś czas nikt go nie używał, więc się zablokował, żeby nikt nie zobaczył, co na nim było. Wszystko, co zapisano, jest bezpieczne.
# draft
confirm-title = Potwierdź, że to ty
# draft
confirm-lead = Aby to zrobić, użyj blokady ekranu jeszcze raz. To chroni ludzi, gdy ktoś inny korzysta z twojego komputera.
# draft
confirm-button = Potwierdź blokadą ekranu

## Easy read

# draft
easy-read-legend = Łatwe czytanie
# draft
easy-read-hint =
    Krótkie pytania.
    Obrazki, gdy pomagają.
# draft
easy-read-off = Nie, zwykłe pytania
# draft
easy-read-on = Tak, łatwe czytanie

## The count under a text box. `{ $n }` is a number the page fills in as people type.

# draft
count-limit = Możesz wpisać najwyżej tyle znaków: { $n }
# draft
count-left-one = Pozostało znaków: { $n }
# draft
count-left-many = Pozostało znaków: { $n }
# draft
count-over-one = Za dużo znaków: { $n }
# draft
count-over-many = Za dużo znaków: { $n }
