## The portal's family pages in English, the source every other language is translated
## from. Keep each message short and plain: a test fails any English sentence a nine-year-old
## would find hard (Flesch–Kincaid grade above 4). `{ $name }` is filled in by the page.

## Every page

skip-to-main = Skip to main content
exit-this-page = Exit this page
exit-emergency = Emergency
read-aloud = Read this to me
# Said when the phone has no voice for the page's language.
read-aloud-no-voice = This phone cannot read this language aloud.
footer-support = Support links
footer-help = Help
footer-feedback = Give feedback about this service
footer-run-by = Run by { $organisation }
footer-language = Language
back = Back
continue = Continue
error-prefix = Error:
error-summary-title = There is a problem
success = Success

## Choosing a language

language-title = Choose your language
language-hint = You can change this at any time. Look at the bottom of any page.
language-save = Save
language-saved = Your language is saved.

## The start page

landing-title = Start
landing-heading = Have your say, in your own words
landing-lead = Tell your workers what matters to you. Say what you want to change and how it is going.
landing-you-can = You can:
landing-can-goals = write down what you want to change, and why
landing-can-score = say how things are going, from 0 to 10
landing-can-share = choose what your worker sees, and when
landing-private = What you write is private until you choose to share it.
landing-sign-in = Sign in
landing-no-sign-in = If you do not have a way to sign in yet
landing-ask-worker = Your worker will give you a code to set up your sign-in, in person. Ask them at your next visit.

## Setting up a sign-in

start-title = Set up your sign-in
start-lead = You will sign in with your phone's screen lock: your fingerprint, face or PIN.
start-code = The code your worker gave you
start-code-hint = For example, K7PQ2-XM4RT

## A parent's home

home-title = Home
home-hello = Hello, { $name }
home-heading = Your space
home-signed-in = Signed in as { $name }. What you write is private until you choose to share it.
    .easy = Only you can see what you write.
home-other-things = Other things you wrote
home-shared-with-you = Shared with you
home-who-has-seen = Who has seen what I wrote
home-messages = Messages when you are away
home-passkeys = Your passkeys and sign-ins
sign-out = Sign out
home-meeting = Your team's meeting
home-meeting-on = Your team meets on { $day } to talk about how things are going.
    .easy = Your team meets on { $day }.
home-meeting-ask = Is there anything you want them to know?
home-tell-team = Tell your team
home-decided = What your team decided
home-decided-met = Your team met on { $day }.
home-decided-read = You have read it. You can read it again and say what you think.
    .easy = You can read it again.
home-decided-unread = They wrote down what they decided and why, for you to read.
    .easy = Your team wrote what they decided.
home-decided-link = Read what your team decided on { $day }
home-replied = Your worker has replied. Read what they said
home-my-goals = My goals
home-no-goals = You have not added a goal yet.
home-goal-scores = Now { $now } out of 10, want to be at { $want }.
    .easy =
        You are at { $now }.
        You want to get to { $want }.
home-no-check-in = No check-in yet.
home-read-on = Read by your worker on { $day }
home-add-goal = Add a goal
home-things-to-say = Things I want to say
home-nothing-yet = Nothing yet.
home-workers-see = Your workers can see this.
home-only-you = Only you can see this.
home-say-something = Say something
home-went-well = Something that went well
home-about-me = About me
home-stop-sharing = Stop sharing this
home-share = Share this with my workers
entry-you-wrote = You wrote this on { $day }.
entry-shared-by = { $name } shared this with you on { $day }.
entry-open = Open
entry-worker-replied = Your worker has replied.

## Who can see it

share-legend = Who can see this?
share-hint = You can change this later.
share-only-me = Only me
share-workers = Me and my workers

## A goal's own page

goal-title = Goal
goal-caption = My goal
goal-stage = Where I am with it
goal-no-stage = Not chosen yet
goal-check-in = Check in on this goal
goal-say-stage = Say where you are with it
goal-change = Change this goal
goal-back-home = Back to your space

## A tool's pages, one question each

tool-new-goal = Add a goal
tool-edit-goal = Change your goal
tool-check-in = Check in
tool-stage = Where you are
tool-say = Something I want to say
tool-meeting = For your team's meeting
tool-good-news = Something that went well
tool-about-me = About me
optional = (optional)
saved-as-you-type = Saved as you type. You can come back to this later.
not-saved-yet = Not saved yet. What you typed is still here: check your connection and press Continue.
not-answered = Not answered
score-out-of-ten = { $score } out of 10
own-way = In my own way
ruler-not-lower = You chose { $n }. Why { $n }, and not a lower number?
    .easy = Why { $n } and not less?
ruler-up-one = You chose { $n }. What would help you move up one, to { $next }?
    .easy = What would help you get to { $next }?
check-title = Check your answers
check-nothing = There is nothing to check yet
check-start-again = Start at the first question
check-kept = What you wrote before is kept, so you can see how it changed.
check-change = Change
save-goal = Save goal
save-changes = Save changes
save-check-in = Save check-in
save = Save
discard-edit-link = Cancel: keep the goal as it was
discard-edit-question = Are you sure you want to stop changing your goal?
discard-goal-link = Throw this goal away
discard-goal-question = Are you sure you want to throw this goal away?
discard-check-in-link = Throw this check-in away
discard-check-in-question = Are you sure you want to throw this check-in away?
discard-link = Throw this away
discard-question = Are you sure you want to throw this away?
discard-edit-lost = The changes you have made will not be kept. Your goal stays as it was.
discard-edit-yes = Yes, keep the goal as it was
discard-lost = Your answers here will be thrown away. You cannot get them back. Nothing has been shared.
discard-yes = Yes, throw it away
discard-no = No, go back to my answers
discard-title = Are you sure?

## The questions. `.short` is how the answer is named on "Check your answers".

q-goal-change = What do you want to change?
    .short = What I want to change
    .hint = Use your own words.
    .easy = What do you want to change?
q-goal-why = Why does it matter to you?
    .short = Why it matters to me
    .easy = Why does it matter?
q-goal-steps = What steps will you take?
    .short = The steps I will take
    .easy = What will you do?
q-goal-helpers = Who can help you?
    .short = Who can help
    .easy = Who can help?
q-goal-signs = How will you know it is working?
    .short = How I will know it is working
    .easy = How will you know it works?
q-goal-obstacles = What might get in the way?
    .short = What might get in the way
    .easy = What could stop you?
q-check-now = Where are you now, from 0 to 10?
    .short = Where I am now
    .hint = 0 is the worst it could be, 10 is the best.
    .easy = Where are you now?
    .easy-hint =
        0 is the worst.
        10 is the best.
q-check-want = Where do you want to be, from 0 to 10?
    .short = Where I want to be
    .hint = 0 is the worst it could be, 10 is the best.
    .easy = Where do you want to be?
    .easy-hint =
        0 is the worst.
        10 is the best.
q-check-note = Anything you want to add?
    .short = Anything I want to add
    .easy = Anything else?
q-check-importance = How important is this change to you, from 0 to 10?
    .short = How important it is to me
    .hint = 0 means it does not matter at all. 10 means it is the thing that matters most.
    .easy = How much does it matter?
    .easy-hint =
        0 is not at all.
        10 is a lot.
q-check-importance_not_lower = Why this number, and not a lower one?
    .short = Why that number for how important, and not lower
    .easy = Why this number?
q-check-importance_up_one = What would help you move up one?
    .short = What would help it matter one more
    .easy = What would help?
q-check-confidence = How sure are you that you can do it, from 0 to 10?
    .short = How sure I am that I can do it
    .hint = 0 is not sure at all, 10 is completely sure.
    .easy = How sure are you?
    .easy-hint =
        0 is not sure.
        10 is very sure.
q-check-confidence_not_lower = Why this number, and not a lower one?
    .short = Why that number for how sure, and not lower
    .easy = Why this number?
q-check-confidence_up_one = What would help you move up one?
    .short = What would help me feel one more sure
    .easy = What would help?
q-stage-stage = Where are you with this goal?
    .short = Where I am with it
    .easy = Where are you with it?
q-say-kind = How do you want to start?
    .short = How I started
    .hint = Choose the start of a sentence, or write in your own way.
    .easy = How do you want to start?
q-say-text = What do you want to say?
    .short = What I want to say
    .hint = Finish the sentence in your own words.
    .easy = What do you want to say?
q-meeting-text = Is there anything you want them to know?
    .short = What I want them to know
    .hint = Use your own words. It could be something that has gone well, a worry, or what you want from the plan.
    .easy = What should your team know?
q-good-text = What went well?
    .short = What went well
    .hint = Big or small: something you did, something that got easier, or a good day.
    .easy = What went well?
q-about-know = What should people know about you?
    .short = What people should know about me
    .hint = This is for workers who are new to you. Write as much or as little as you like.
    .easy = What should people know about you?
q-about-helps = What helps you?
    .short = What helps me
    .hint = For example, when things are hard. You can skip this.
    .easy = What helps you?
q-about-spoken = How do you like people to talk to you?
    .short = How I like people to talk to me
    .hint = For example, what to call you, or what you would rather people did not say. You can skip this.
    .easy = How should people talk to you?

## Stages of change. Slipping back is normal: never word it as a failure.

stage-not_thinking = Not thinking about it yet
    .hint = It is not something I want to change right now.
stage-thinking = Thinking about it
    .hint = Part of me wants to change and part of me does not.
stage-getting_ready = Getting ready
    .hint = I am planning how to do it.
stage-doing = Doing it
    .hint = I have started making the change.
stage-keeping_going = Keeping it going
    .hint = I have been doing it for a while.
stage-slipped_back = Slipped back
    .hint = Things went back a bit. This happens to most people when they change, and you can start again.

## Sentence starters for saying something (change talk)

starter-desire = I want to…
starter-ability = I could…
starter-reasons = It matters because…
starter-need = I need to…
starter-commitment = I will…
starter-activation = I'm ready to…
starter-taking_steps = This week I…

## Problems with an answer. Each must read exactly as the page's English check words it.

error-write-change = Write what you want to change.
error-write-say = Write what you want to say.
error-write-team = Write what you want your team to know.
error-write-went-well = Write something that went well.
error-write-about-me = Write what people should know about you.
error-choose-stage = Choose where you are with this goal.
error-choose-starter = Choose how you want to start, or choose to write in your own way.
error-enter-now = Enter a number from 0 to 10 for where you are now.
error-enter-want = Enter a number from 0 to 10 for where you want to be.
error-range-now = Where you are now must be a number from 0 to 10.
error-range-want = Where you want to be must be a number from 0 to 10.
error-range-importance = How important this is must be a number from 0 to 10.
error-range-confidence = How sure you are must be a number from 0 to 10.
error-whole-now = Where you are now: use a whole number from 0 to 10, like 4.
error-whole-want = Where you want to be: use a whole number from 0 to 10, like 4.
error-whole-importance = How important this is: use a whole number from 0 to 10, like 4.
error-whole-confidence = How sure you are: use a whole number from 0 to 10, like 4.

## A goal's page: sharing and stages

goal-you-and-workers = You and your workers can see this.
goal-share-workers = Share with my workers
goal-stop-sharing-workers = Stop sharing with my workers
goal-stop-sharing-with = Stop sharing with { $name }
goal-share-someone = Share with someone in your family
goal-share-who = Who do you want to share this goal with?
goal-share-choose = Choose someone
goal-share-them = Share with them
goal-also-shared = { $names } can see this too.
goal-stages = Where I have been with it
goal-stage-on = { $stage } on { $day }.

## Dates, such as 3 December 2026

date = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## A goal's progress

progress-heading = My progress
progress-none = You have not checked in on this goal yet.
progress-once = You checked in once: you were at { $now } out of 10 and want to be at { $want }.
progress-up = Over { $count } check-ins, where you are has gone up: from { $first } to { $last } out of 10. You want to be at { $want }.
progress-down = Over { $count } check-ins, where you are has gone down: from { $first } to { $last } out of 10. You want to be at { $want }.
progress-same = Over { $count } check-ins, where you are has stayed the same: from { $first } to { $last } out of 10. You want to be at { $want }.
progress-shared = You and your workers can see it
progress-private = Only you can see it
progress-table = Your check-ins
progress-date = Date
progress-were = Where you were
progress-want = Where you want to be
progress-important = How important
progress-sure = How sure

## Signing in and out

sign-in-title = Sign in
sign-in-lead = Use your phone's screen lock, such as your fingerprint, face or PIN. You do not need a password.
sign-in-button = Sign in with your screen lock
sign-in-first-time = Setting up for the first time
sign-in-have-code = I have a code from my worker
signed-out-title = Signed out
signed-out-heading = You have signed out
sign-in-again = Sign in again
locked-title = Locked
locked-heading = This screen locked itself
locked-lead = Nobody used it for a while, so it locked. Now nobody else can see what was on it. All that was saved is kept.
confirm-title = Confirm it is you
confirm-lead = To do this, use your screen lock again. This keeps people safe if someone else is using your computer.
confirm-button = Confirm with your screen lock

## Easy read

easy-read-legend = Easy read
easy-read-hint =
    Short questions.
    Pictures where they help.
easy-read-off = No, the usual questions
easy-read-on = Yes, easy read

## The count under a text box. `{ $n }` is a number the page fills in as people type.

count-limit = You can enter up to { $n } characters
count-left-one = You have { $n } character remaining
count-left-many = You have { $n } characters remaining
count-over-one = You have { $n } character too many
count-over-many = You have { $n } characters too many
