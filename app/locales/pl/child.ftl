## Ekrany dla dzieci po polsku. Tłumaczone z pliku en/child.ftl.
## Każda wiadomość ma status w komentarzu nad nią: `# draft` (wersja robocza).
## Mówimy do dziecka na „ty”, najprostszymi słowami. Unikamy form zależnych od płci
## dziecka (na przykład „napisałeś/napisałaś”), bo nie wiemy, kto czyta.

## Każdy ekran dziecka

# draft
child-nav = Twoje strony
# draft
child-back-to-start = Wróć na początek
# draft
child-give-back = Oddaj tablet osobie { $name }
# draft
child-not-safe = Nie czuję się bezpiecznie
# draft
child-lock = Zablokuj ekran
# draft
child-try-again = Spróbujmy jeszcze raz

## Początek

# draft
child-title = Twoje miejsce
# draft
child-hello = Cześć, { $name }
# draft
child-hello-teen = Twoje miejsce, { $name }
# draft
child-intro = Co chcesz zrobić? Tylko ty widzisz to, co tu dodasz. Możesz potem komuś to pokazać, jeśli zechcesz.
# draft
child-intro-teen = Pisz o różnych sprawach własnymi słowami. Tylko ty to widzisz, dopóki nie zdecydujesz, żeby komuś pokazać.
# draft
child-meeting-soon = Twój zespół spotka się dnia { $day }, żeby porozmawiać o tym, jak idzie. Czy chcesz, żeby o czymś wiedzieli?
# draft
child-decided-told = Twój zespół spotkał się dnia { $day }. Zapisali dla ciebie, co postanowili.
# draft
child-other-things = Inne rzeczy
# draft
child-you-wrote = Zapisane przez ciebie dnia { $day }.
# draft
child-showed-you = Od: { $name }. Pokazane ci dnia { $day }.

## Nazwy narzędzi dziecka

# draft
child-feelings = Jak się czuję
# draft
child-tell = Co ma wiedzieć mój pracownik
# draft
child-important = Kto jest dla mnie ważny
# draft
child-good = Coś, co poszło dobrze
# draft
child-about = O mnie
# draft
child-meeting = Na spotkanie mojego zespołu
# draft
child-decided = Co postanowił mój zespół

## Trzy Domy

# draft
child-houses-title = Trzy Domy
# draft
child-house-worries = Dom zmartwień
# draft
child-house-good-things = Dom dobrych rzeczy
# draft
child-house-dreams = Dom marzeń
# draft
child-house-worries-question = Co cię martwi?
# draft
child-house-good-things-question = Co jest dobre w twoim życiu?
# draft
child-house-dreams-question = O czym marzysz? Na co masz nadzieję?
# draft
child-house-worries-in = W moim domu zmartwień
# draft
child-house-good-things-in = W moim domu dobrych rzeczy
# draft
child-house-dreams-in = W moim domu marzeń
# draft
child-house-words = Albo napisz to tutaj (nie musisz)
# draft
child-house-put = Włóż to do mojego domu
# draft
child-house-empty = W tym domu jeszcze nic nie ma.

## Obrazki do wyboru

# draft
child-symbol-home = Dom
# draft
child-symbol-school = Szkoła
# draft
child-symbol-family = Rodzina
# draft
child-symbol-friends = Przyjaciele
# draft
child-symbol-pet = Zwierzęta
# draft
child-symbol-food = Jedzenie
# draft
child-symbol-playing = Zabawa
# draft
child-symbol-music = Muzyka
# draft
child-symbol-sport = Sport
# draft
child-symbol-sleep = Sen
# draft
child-symbol-poorly = Choroba
# draft
child-symbol-shouting = Krzyki
# draft
child-symbol-alone = Bycie samemu
# draft
child-symbol-hugs = Przytulanie
# draft
child-symbol-days-out = Wycieczki
# draft
child-symbol-safe = Czuję się bezpiecznie

## Jak się czuję: pięć buziek

# draft
child-face-very-happy = Bardzo wesoło
# draft
child-face-happy = Wesoło
# draft
child-face-okay = W porządku
# draft
child-face-sad = Smutno
# draft
child-face-very-sad = Bardzo smutno
# draft
child-feel-legend = Jak się dziś czujesz?
# draft
child-feel-because = Bo… (nie musisz mówić)
# draft
child-feel-save = Zapisz, jak się czuję
# draft
child-feel-before = Jak było wcześniej
# draft
child-nothing-yet = Jeszcze nic tu nie ma.

## Obrazki i słowa

# draft
child-tell-legend = Co ma wiedzieć twój pracownik?
# draft
child-meeting-legend = Czy chcesz, żeby twój zespół o czymś wiedział?
# draft
child-good-legend = Co poszło dobrze?
# draft
child-about-legend = Co inni powinni o tobie wiedzieć?
# draft
child-important-legend = Kto jest dla ciebie ważny?
# draft
child-meeting-on = Twój zespół spotka się dnia { $day }, żeby porozmawiać o tym, jak idzie.
# draft
child-meeting-none = Twój zespół nie ma teraz żadnego spotkania. Możesz dalej pisać do swojego pracownika.
# draft
child-write-here = Napisz to tutaj (nie musisz)
# draft
child-save = Zapisz
# draft
child-said-before = Co było wcześniej
# draft
child-decided-met = Twój zespół spotkał się dnia { $day }.
# draft
child-decided-legend = Co o tym myślisz?
# draft
child-too-long = Twoja odpowiedź jest za długa. Może mieć najwyżej { $max } znaków, a teraz ma ich { $count }.

## Kto widzi to, co dziecko zrobiło

# draft
child-written-on = { $day }.
# draft
child-only-you = Tylko ty to widzisz.
# draft
child-showed-to = Pokazujesz to: { $who }.
# draft
child-your-worker = twój pracownik
# draft
child-and = { $first } i { $then }
# draft
child-show-worker = Pokaż mojemu pracownikowi
# draft
child-stop-worker = Nie pokazuj już mojemu pracownikowi
# draft
child-show-person = Pokaż osobie { $name }
# draft
child-stop-person = Nie pokazuj już osobie { $name }
# draft
child-show-someone = Pokaż komuś w domu
# draft
child-show-title = Pokaż komuś
# draft
child-show-who = Komu chcesz to pokazać?
# draft
child-show-everyone = Wszyscy, którym możesz to pokazać, już to widzą.
# draft
child-show-nobody = Nie pokazuj nikomu
# draft
child-show-ask = Pokazać to osobie { $name }?
# draft
child-show-yes = Tak, pokaż
# draft
child-show-no = Nie

## Nie czuję się bezpiecznie

# draft
child-help-title = Pomoc
# draft
child-safe-999 = Jeśli teraz grozi ci niebezpieczeństwo, zadzwoń pod 999.
# draft
child-safe-childline = Możesz porozmawiać z Childline za darmo, o każdej porze, pod numerem 0800 1111.
# draft
child-safe-hint = Naciśnij przycisk, a twój pracownik od razu się o tym dowie.
# draft
child-safe-tell = Powiedz mojemu pracownikowi, że nie czuję się bezpiecznie
# draft
child-safe-told = Twój pracownik już wie
# draft
child-safe-right = Dobrze, że dajesz znać. Twój pracownik odezwie się do ciebie tak szybko, jak może.

## Oddanie tabletu pracownikowi, z jego kluczem dostępu

# draft
child-give-back-title = Oddaj tablet
# draft
child-give-back-thanks = Dziękujemy, { $name }. To, co zapisujesz, jest bezpieczne.
# draft
child-give-back-passkey = { $name } użyje swojego klucza dostępu, żeby dalej pracować.
# draft
child-give-back-failed = To nie zadziałało
# draft
child-give-back-button = { $name }: użyj swojego klucza dostępu
# draft
child-give-back-no-script = Klucze dostępu potrzebują skryptów tej przeglądarki. Żeby odebrać tablet, użyj przycisku „Wyjdź z tej strony” i zaloguj się jeszcze raz.

## Problemy na ekranach dziecka

# draft
error-child-pictures = Wybierz spośród pokazanych obrazków.
# draft
error-child-house = Wybierz jeden z trzech domów.
# draft
error-child-house-empty = Wybierz obrazek albo coś napisz, żeby włożyć to do domu.
# draft
error-child-face = Wybierz buzię, która pasuje do tego, jak się czujesz.
# draft
error-child-tell-empty = Wybierz obrazek albo napisz, co ma wiedzieć twój pracownik.
# draft
error-child-important-empty = Wybierz obrazek albo napisz, kto jest dla ciebie ważny.
# draft
error-child-good-empty = Wybierz obrazek albo napisz, co poszło dobrze.
# draft
error-child-about-empty = Wybierz obrazek albo napisz coś o sobie.
# draft
error-child-meeting-empty = Wybierz obrazek albo napisz, co ma wiedzieć twój zespół.
# draft
error-child-plan-empty = Wybierz obrazek albo napisz, co myślisz o planie.
# draft
error-child-no-meeting = Twój zespół nie ma teraz żadnego spotkania, więc nie da się jeszcze tego wysłać. Twoje słowa zostają tutaj.
# draft
error-child-out-of-date = Ta strona jest już nieaktualna. Wróć, odśwież stronę i spróbuj jeszcze raz. Nic nie zapisało się dwa razy.
