## The account page, feedback, a copy of your data, the passkey messages and the
## offline page in English. The same rules as portal.ftl: short, plain, and a reading
## age of nine.


## Your passkeys and sign-ins (the account page)

account-title = Your passkeys and sign-ins
account-where = Where you are signed in
account-where-lead = If you do not recognise one, sign it out.
account-this-device = This device
account-signed-in = Signed in { $day }
account-sign-out-here = Sign out here
account-sign-out = Sign out: { $place }
account-last-used = Last used { $day }
account-passkeys = Your passkeys
account-passkeys-lead = A passkey lets a phone or laptop sign in as you. If you take one away, it signs you out where it was used.
account-remove = Remove { $passkey }
account-not-used = Not used yet
account-removed = Removed
account-everything = Everything we hold about you
account-everything-lead = You can see all that we keep about you, and you can keep a copy.
account-everything-link = See everything we hold about you
account-back-home = Back to home
# Above things a person must be told after signing in.
account-important = Important

## Your copy of everything we hold about you

own-title = Your data
own-heading = Everything we hold about you
# The part of own-made-self and own-made-by that says what the copy holds.
own-holds = It has all that the portal keeps about you. That is what you wrote, each change you made, and who you shared it with. It is also what your workers said back, and who has read it. It does not hold what anyone else in your family wrote.
own-made-self = You made this copy on { $day }. { own-holds } Some things are left out to keep you safe if someone else sees your phone, such as an urgent message to your workers. Your worker can give you a full copy in person.
# { $name } is the worker who made the copy.
own-made-by = { $name } made this copy for you on { $day }, when you asked for it. { own-holds }
own-keep = Keep a copy
own-keep-lead = Anyone who can open the file can read it. Keep it somewhere only you can reach.
own-download-word = Download as a Word document
own-download-web = Download as a web page
own-download-json = Download as data for a computer (JSON)
own-back = Back to your account
own-about-you = About you
own-name = Name
own-place = In the family as
own-born = Date of birth
own-reference = Family reference
own-joined = Added to the portal
own-wrote = What you wrote
own-nothing = Nothing yet.
own-unfinished = Answers you have not finished
own-none = None.
# { $tool } is what was being written, such as "A new goal".
own-draft-changed = { $tool }, last changed { $day }
own-readers = Who has read what you wrote
own-no-readers = No one else has opened what you wrote.
# { $name } read something; { $role } is their job, such as "Social worker".
own-reader = { $name } ({ $role })
own-read-once = (first read { $first }, last read { $last }, { $times } time)
own-read-times = (first read { $first }, last read { $last }, { $times } times)
own-messages = Messages when you are away
own-no-messages-chosen = You have not chosen to get messages.
own-email = Email: { $email }
own-mobile = Text messages: { $mobile }
own-every-message = Every message says: “{ $sentence }”
own-no-messages-now = You get no messages at the moment.
own-message-about = You get a message: { $about }
own-about-reply = when a worker replies to something you wrote
own-about-code = when a new code is made for you
own-about-reminder = a reminder every { $day }
own-passkeys = Your passkeys and sign-ins
own-passkey = Passkey “{ $name }”. Added on { $day }.
own-passkey-used = Passkey “{ $name }”. Added on { $day }. Last used on { $used }.
own-passkey-removed = Passkey “{ $name }”. Added on { $day }. Taken off on { $gone }.
own-passkey-used-removed = Passkey “{ $name }”. Added on { $day }. Last used on { $used }. Taken off on { $gone }.
own-signed-in = Signed in on { $day }, last used { $used }.
own-shared-nobody = Shared with nobody.
own-shared-workers = Shared with your workers on { $day }.
own-shared-workers-stopped = Shared with your workers on { $day }. Stopped on { $stopped }.
# { $name } is someone in the family.
own-shared-with = Shared with { $name } on { $day }.
own-shared-with-stopped = Shared with { $name } on { $day }. Stopped on { $stopped }.
own-marked-read = Marked read by { $name } on { $day }.
# { $tool } is what was written, such as "Goal".
own-entry = { $tool }, { $day }
own-version = Version { $version }, { $day }
own-reply = Reply from { $name } ({ $role }), { $day }
own-said-against = What you said against it, { $day }

## Where someone is in the family

own-place-parent_carer = Parent or carer
own-place-child = Child or young person

## Who read or replied: a worker's job

own-role-team_manager = Team manager
own-role-social_worker = Social worker
own-role-child_and_family_practitioner = Child and family practitioner
own-role-domestic_abuse_practitioner = Domestic abuse practitioner
own-role-domestic_abuse_worker_probation = Domestic abuse worker (probation)
own-role-mental_health_practitioner = Mental health practitioner
own-role-recovery_worker = Recovery worker
own-role-business_support_officer = Business support officer
own-role-admin = Administrator
own-role-head_of_service = Head of service

## What was written, by the page it was written on

own-tool-goal = Goal
own-tool-check_in = Check-in
own-tool-stage = Stage of change
own-tool-change_talk = Change talk
own-tool-safety_alert = I don't feel safe
own-tool-house_item = Three Houses
own-tool-feeling = Feelings check-in
own-tool-worker_know = What I want my worker to know
own-tool-important_person = Who is important to me
own-tool-for_meeting = For my team's meeting
own-tool-good_news = Something that went well
own-tool-about_me = About me
own-tool-on_plan = What I think about the plan

## Answers not finished, by what was being written

own-draft-new_goal = A new goal
own-draft-edit_goal = Changing a goal
own-draft-check_in = A check-in
own-draft-stage = Where you are with change
own-draft-say = Something to say
own-draft-for_meeting = For your team's meeting
own-draft-good_news = Something that went well
own-draft-about_me = About me

## The names of answers not asked as a tool's question

own-part-share = Who can see it
own-part-page = Page
own-part-alert = What they wrote
own-part-house = Three Houses
own-part-feel = How I feel
own-part-because = Because
own-part-pictures = Pictures chosen
own-part-own-words = In their own words
own-part-with = Recorded with

## Days of the week, for a weekly reminder

own-day-1 = Monday
own-day-2 = Tuesday
own-day-3 = Wednesday
own-day-4 = Thursday
own-day-5 = Friday
own-day-6 = Saturday
own-day-7 = Sunday

## Give feedback about this service

feedback-title = Give feedback
feedback-heading = Give feedback about this service
feedback-warning = Warning
feedback-not-read = Your worker does not read this. So do not write names or things about your family here. To tell your worker something, talk to them.
feedback-how = How do you feel about this service?
feedback-very_satisfied = Very satisfied
feedback-satisfied = Satisfied
feedback-neither = Neither satisfied nor dissatisfied
feedback-dissatisfied = Dissatisfied
feedback-very_dissatisfied = Very dissatisfied
# Followed by "(optional)".
feedback-improve = How could we improve this service?
feedback-send = Send feedback
feedback-sent-title = Feedback sent
feedback-thanks = Thank you for your feedback
feedback-we-read = We read all feedback and use it to make this service better.

## Problems with the feedback form. Each must read exactly as the check words it.

error-feedback-choose = Select how you feel about this service.
error-feedback-old-page = This page is out of date. Reload the page and try again.

## Passkeys: the messages the passkey script shows

passkey-no-script = To use your phone's screen lock here, turn on JavaScript in your browser. If you cannot, ask your worker for help.
passkey-cancelled = That did not work. You may have cancelled it, or this phone has no screen lock set up. Try again.

## Problems with a passkey step, which the server words in English: the page hands
## the script these words for them (ui/shared/passkey.rs says which is which).

passkey-no-code = Enter the code your worker gave you
passkey-code = That code is not right, has been used already or has expired. Ask your worker for a new one.
passkey-too-long = That took too long or was already used. Start again.
passkey-refused = That passkey was not accepted. Try again, or ask your worker for help.
# The server says "That passkey was not accepted."; these plainer words are shown instead.
passkey-not-accepted = That passkey did not work.
passkey-confirm = Confirm it is you first.

## When a page is not there, or something went wrong

problem-not-found = Page not found
problem-typed = If you typed the web address, check it is correct.
problem-pasted = If you pasted the web address, check you copied all of it.
problem-start-page = Go to the start page
problem-sign-in = You need to sign in
problem-signed-out = You may have been signed out. This happens if you do nothing for a while.
problem-title = Sorry, there is a problem
problem-service = Sorry, there is a problem with the service
problem-service-advice = Try again later. What you sent before this is saved.

## Problems with a request. Each must read exactly as the server words it.

error-service = Sorry, there is a problem with the service. Try again later.
error-sign-in-needed = You need to sign in to see this page.
error-too-many = There have been too many attempts. Wait an hour and try again, or ask your worker for help.
error-refused = This request was refused
error-bad-request = Something was wrong with that request. Go back, reload the page and try again.
error-not-sent = Your answers were not sent. Check your connection and try again. Nothing you typed has been lost.

## When the phone is offline

offline-title = You are offline
offline-lead = This page could not be reached. Check that your phone has signal or Wi-Fi, then try again.
offline-try-again = Try again
offline-held = You are offline. What you typed is still here, and it will be sent when your phone is back online.
