## The family's other pages in English: an entry's own page, who has seen, messages,
## what the team decided, replies, help and the chart. The same
## rules as portal.ftl: short, plain, and a reading age of nine.

## An entry's own page. The page's title names nobody: others may see tabs and history.

entry-page-mine = Something you wrote
entry-page-shared = Something shared with you
entry-page-shared-by = Something { $name } shared with you

## What a worker said back, and "I disagree". `{ $name }` is the worker's name.

replies-heading = What your worker said
replies-by = { $name } ({ $role }), { $day }
replies-you-disagreed = You disagreed, { $day }
replies-disagree-link = I disagree with this
replies-disagree-question = What do you disagree with, and why?
replies-disagree-hint = Your worker and anyone who reads their words will see this next to them.
    .easy = Your worker will see this next to what they said.
error-write-first = Write something first.

## Who has seen what I wrote. `{ $time }`, `{ $first }` and `{ $last }` are times, such
## as "7:45pm on 22 November 2026".

seen-heading = Who has seen what you wrote
seen-nobody = No one else has opened what you wrote.
seen-lead = Here is each person who has opened what you wrote: what they opened, and when. The last to open it is at the top.
    .easy = Who has opened your words, and when. The newest is at the top.
seen-reader = { $name }, { $role }
seen-opened-once = Opened once, at { $time }.
seen-opened-times = Opened { $count } times: first at { $first }, last at { $last }.
# A check-in, as an entry's card and "Who has seen" show it: the member's own scores.
check-in-words = Now { $now } out of 10; want to be at { $want }

## Where each thing was written, as "Who has seen" names it

seen-tool-goal = Goal
seen-tool-check_in = Check-in
seen-tool-stage = Stage of change
# What the member's space calls "Things I want to say".
seen-tool-change_talk = Change talk
seen-tool-safety_alert = I don't feel safe
seen-tool-house_item = Three Houses
seen-tool-feeling = Feelings check-in
seen-tool-worker_know = What I want my worker to know
seen-tool-important_person = Who is important to me
seen-tool-for_meeting = For my team's meeting
seen-tool-good_news = Something that went well
seen-tool-about_me = About me
seen-tool-on_plan = What I think about the plan

## People's roles: who read something, who answered, who was at a meeting

role-team_manager = Team manager
role-social_worker = Social worker
role-child_and_family_practitioner = Child and family practitioner
role-domestic_abuse_practitioner = Domestic abuse practitioner
role-domestic_abuse_worker_probation = Domestic abuse worker (probation)
role-mental_health_practitioner = Mental health practitioner
role-recovery_worker = Recovery worker
role-business_support_officer = Business support officer
role-admin = Administrator
role-head_of_service = Head of service
role-parent_carer = Parent or carer
role-child = Child or young person
# The council's own computer system, which can read what was shared with workers.
role-case_system = Case system

## Times. English pages write them as the GOV.UK style guide does ("7:45pm on 22 November
## 2026", "midday"); these messages say the same, for translators to follow. Each may use
## `{ $time24 }` (19:45), `{ $time12 }` (7:45), `{ $hour12 }` (7), `{ $half }` (am or pm)
## and `{ $part }`: midnight, midday (exactly), morning (5am to 11:59am), afternoon (12 to
## 3:59pm), evening (4 to 7:59pm) or night. Keep the hour and minutes as one placeable.

time-at = { $time } on { $date }
time-clock = { $part ->
        [midnight] midnight
        [midday] midday
       *[other] { $time12 }{ $half }
    }
# An hour on its own, as a choice of when quiet hours start and end. `{ $time24 }` is
# 19:00 here.
time-hour = { $part ->
        [midnight] midnight
        [midday] midday
       *[other] { $hour12 }{ $half }
    }

## What your team decided, after their meeting. Its title is home-decided.

decided-met = Your team met on { $day } to talk about how things are going.
# `{ $roles }` is a list of roles, with decided-comma between them.
decided-who = Who was there: { $roles }.
decided-comma = { ", " }
decided-words = What we decided and why
decided-think = What I think about the plan
decided-think-hint = Say it in your own words. If you share it, your team reads it word for word, and it goes to their next meeting.
    .easy = Use your own words. If you share it, your team will read it.
error-write-plan = Write what you think about the plan.

## Help

help-heading = Help
help-danger = If you are in danger now, call 999.
help-silent = If you cannot speak, call 999 and then press 55 when asked. This tells the police you need help.
    .easy = If you cannot talk, call 999. Then press 55.
help-tell = Tell your worker
help-tell-hint = Your worker will be told straight away. Nothing about it will show on this screen.
    .easy = Your worker is told at once. Nothing shows on the screen.
help-not-safe = I don't feel safe right now

## Messages when you are away. Its title is home-messages. The messages are sent in
## English: a reader of another language sees the English words and what they mean.

messages-lead = We can send you a text or an email when there is something for you here. It only ever says one short line that you choose. It never says your name or what anyone wrote. It does not say what this service is, unless you ask us to.
    .easy = We can text or email you when there is something new. It does not say what it is.
messages-stopped = We will not send you any messages.
messages-sent = We have sent you a code. Enter it below to start your messages.
messages-proved = Thank you. Your messages will start.
messages-saved = Your choices are saved.
messages-off = Some of your messages are off. Choose how we should tell you to turn them on again.
messages-back = Back to home
messages-check = Check it is you
messages-check-lead = We only send you messages once you have typed in the code we sent. It works for 30 minutes.
    .easy = Enter the code we sent you. It works for 30 minutes.
messages-code-email = The code we sent to { $address }
messages-code-text = The code we sent by text to { $address }
messages-confirm = Confirm
messages-new-code = Send a new code
messages-stop-all = Stop all messages
messages-how = How should we tell you?
messages-how-hint = Choose one or both.
messages-by-email = By email
messages-by-text = By text message
messages-email = Email address (if you chose email)
messages-mobile = UK mobile number (if you chose text message)
messages-what = What should the message say?
# Shown only to a reader of another language, above the English messages.
messages-in-english = We send the message in English, in these words.
# What each message means, shown only to a reader of another language.
messages-wording-new_message = You have a new message. Sign in to read it.
messages-wording-something_waiting = Something is waiting for you. Sign in to see it.
messages-wording-reminder = This is your reminder.
messages-warning = Warning
messages-say-service-warning = If the message says the name of this service, it could tell people what it is about. Think of who sees your phone or email.
messages-say-service = Start the message with this service’s name
messages-when = When should we send one?
messages-on-response = When a worker answers something you shared
messages-on-code = When there is a new sign-in code for you
messages-on-reminder = A reminder to check in, once a week
messages-day = Which day for your reminder?
messages-day-hint = It comes at about 10am.
messages-choose-day = Choose a day
messages-weekday-0 = Monday
messages-weekday-1 = Tuesday
messages-weekday-2 = Wednesday
messages-weekday-3 = Thursday
messages-weekday-4 = Friday
messages-weekday-5 = Saturday
messages-weekday-6 = Sunday
messages-quiet = Quiet hours
messages-quiet-hint = We will wait until they end to send anything.
messages-from = From
messages-until = Until
messages-no-quiet = No quiet hours
messages-save = Save my choices

## Problems with the messages form. Each must read exactly as the server words it.

error-messages-how = Choose email or text message, or choose “Stop all messages”
error-messages-email = Enter your email address
error-messages-email-format = Enter an email address in the correct format, like name@example.com
error-messages-mobile = Enter your mobile number
error-messages-mobile-format = Enter a UK mobile number, like 07700 900 982
error-messages-what = Choose what the message should say
error-messages-when = Choose when we should send you a message, or choose “Stop all messages”
error-messages-day = Choose the day for your reminder
error-messages-quiet-same = Quiet hours must start and end at different times
error-messages-quiet-start = Choose when quiet hours start, or choose no quiet hours
error-messages-quiet-end = Choose when quiet hours end
error-messages-code = Enter the 6-digit code we sent you
error-messages-code-wrong = That code is not right, or it is more than 30 minutes old. Check it, or send a new code
error-messages-too-many = We have sent you too many codes in the last hour. Try again later.

## The chart under "My progress". Its axes run left to right in every language. A
## sentence says how each line looks: `{ $colour }`, `{ $line }`, `{ $shape }` and
## `{ $with }` (a shape after "with") are the words below, and `{ $name }` is what it shows.

chart-line = { $colour } { $line } line with { $with } at each check-in: { $name }.
chart-point = { $colour } { $shape }: { $name }.
chart-colour-blue = Blue
chart-colour-black = Black
chart-colour-green = Green
chart-colour-purple = Purple
chart-line-solid = solid
chart-line-dashed = dashed
chart-line-dotted = dotted
chart-shape-dot = dot
    .with = a dot
chart-shape-square = square
    .with = a square
chart-shape-triangle = triangle
    .with = a triangle
chart-shape-diamond = diamond
    .with = a diamond
chart-series-where-you-were = where you were
chart-series-where-you-want-to-be = where you want to be

## A member's space: the day something was said, and a goal's stage, each as a sentence

space-said-on = { $day }.
space-stage = { $stage }.
