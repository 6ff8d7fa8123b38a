## The children's screens in English. The shortest words of all: each screen asks one
## thing, and every sentence is read aloud.

## Every child screen

# The label of the links at the top of each screen, for screen readers.
child-nav = Your pages
child-back-to-start = Back to the start
# On a practitioner's tablet: $name is the practitioner.
child-give-back = Give the tablet back to { $name }
child-not-safe = I don't feel safe
child-lock = Lock the screen
# Over a problem: never a red error, just something to try again.
child-try-again = Let's try that again

## The start

child-title = Your space
# Under 13.
child-hello = Hello { $name }
# 13 and over: a plainer, grown-up look.
child-hello-teen = { $name }'s space
# Under 13.
child-intro = What would you like to do? Only you can see what you put here, until you choose to show someone.
# 13 and over.
child-intro-teen = Write about things in your own words. Only you can see them until you choose to show someone.
child-meeting-soon = Your team meets on { $day } to talk about how things are going. Is there anything you want them to know?
child-decided-told = Your team met on { $day }. They wrote down what they decided, for you.
child-other-things = Other things
child-you-wrote = You wrote this on { $day }.
# $name is someone in the family.
child-showed-you = { $name } showed you this on { $day }.

## The names of the child's tools

child-feelings = How I feel
child-tell = What I want my worker to know
child-important = Who is important to me
child-good = Something that went well
child-about = About me
child-meeting = For my team's meeting
child-decided = What my team decided

## The Three Houses

child-houses-title = Three Houses
child-house-worries = House of worries
child-house-good-things = House of good things
child-house-dreams = House of dreams
child-house-worries-question = What worries you?
child-house-good-things-question = What is good in your life?
child-house-dreams-question = What are your hopes and dreams?
# The heading over what is in the house already.
child-house-worries-in = In my house of worries
child-house-good-things-in = In my house of good things
child-house-dreams-in = In my house of dreams
child-house-words = Or write it here (you do not have to)
child-house-put = Put it in my house
child-house-empty = Nothing in this house yet.

## The pictures a child can choose. Each word is shown and read aloud beside its picture.
## Staff see the English words in Module 8.

child-symbol-home = Home
child-symbol-school = School
child-symbol-family = Family
child-symbol-friends = Friends
child-symbol-pet = Pets
child-symbol-food = Food
child-symbol-playing = Playing
child-symbol-music = Music
child-symbol-sport = Sport
child-symbol-sleep = Sleep
# Being ill.
child-symbol-poorly = Feeling poorly
child-symbol-shouting = Shouting
child-symbol-alone = Being on my own
child-symbol-hugs = Hugs
child-symbol-days-out = Days out
child-symbol-safe = Feeling safe

## How I feel: five faces, from very happy to very sad

child-face-very-happy = Very happy
child-face-happy = Happy
child-face-okay = OK
child-face-sad = Sad
child-face-very-sad = Very sad
child-feel-legend = How do you feel today?
child-feel-because = Because… (you do not have to say)
child-feel-save = Save how I feel
child-feel-before = How I felt before
child-nothing-yet = Nothing here yet.

## Saying something in pictures and words

child-tell-legend = What do you want your worker to know?
child-meeting-legend = Is there anything you want your team to know?
child-good-legend = What went well?
child-about-legend = What should people know about you?
child-important-legend = Who is important to you?
child-meeting-on = Your team meets on { $day } to talk about how things are going.
child-meeting-none = Your team has no meeting booked right now. You can still write to your worker.
child-write-here = Write it here (you do not have to)
child-save = Save it
child-said-before = What I said before
child-decided-met = Your team met on { $day }.
child-decided-legend = What do you think about it?
# Words too long to keep: $max is the most there can be, $count how many there are now.
child-too-long = Your answer is too long. It can have up to { $max } characters. It has { $count } now.

## Who sees what the child made

# The day it was made, before who can see it.
child-written-on = { $day }.
child-only-you = Only you can see this.
# $who is "your worker" and the names of people at home, joined by child-and.
child-showed-to = You showed this to { $who }.
child-your-worker = your worker
child-and = { $first } and { $then }
child-show-worker = Show my worker
child-stop-worker = Stop showing my worker
# $name is someone in the family.
child-show-person = Show { $name }
child-stop-person = Stop showing { $name }
child-show-someone = Show someone at home
child-show-title = Show someone
child-show-who = Who do you want to show?
child-show-everyone = Everyone you can show sees this now.
child-show-nobody = Do not show anyone
child-show-ask = Show { $name } this?
child-show-yes = Yes, show them
child-show-no = No

## I don't feel safe

child-help-title = Help
child-safe-999 = If you are in danger now, call 999.
child-safe-childline = You can talk to Childline for free, any time, on 0800 1111.
child-safe-hint = Press the button and your worker will be told straight away.
child-safe-tell = Tell my worker I don't feel safe
child-safe-told = Your worker has been told
child-safe-right = You did the right thing. Your worker will get in touch with you as soon as they can.

## Giving the tablet back to the practitioner, with their passkey

child-give-back-title = Give the tablet back
# $name is the child.
child-give-back-thanks = Thank you, { $name }. What you saved is kept safe.
# $name is the practitioner.
child-give-back-passkey = { $name } will use their passkey to carry on.
child-give-back-failed = That did not work
child-give-back-button = { $name }: use your passkey
child-give-back-no-script = Passkeys need this browser's scripts. To take the tablet back, use "Exit this page" and sign in again.

## Problems on the children's screens, in exactly the words the checks give them

error-child-pictures = Choose from the pictures shown.
error-child-house = Choose one of the three houses.
error-child-house-empty = Choose a picture or write something to put in your house.
error-child-face = Choose the face that fits how you feel.
error-child-tell-empty = Choose a picture or write what your worker should know.
error-child-important-empty = Choose a picture or write who is important to you.
error-child-good-empty = Choose a picture or write something that went well.
error-child-about-empty = Choose a picture or write a bit about you.
error-child-meeting-empty = Choose a picture or write something for your team to know.
error-child-plan-empty = Choose a picture or write what you think about the plan.
error-child-no-meeting = Your team has no meeting booked now, so this cannot be sent yet. What you wrote is kept.
error-child-out-of-date = This page is out of date. Go back, reload the page and try again. Nothing was saved twice.
