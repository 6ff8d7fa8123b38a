## Urdu, translated from en/pages.ftl. Urdu is written right to left; the page sets
## dir="rtl". Each message has its status in the comment above it: `# draft` until one
## of the council's translators has checked it, then `# reviewed`.


## An entry's own page

# draft
entry-page-mine = آپ کی لکھی ہوئی بات
# draft
entry-page-shared = آپ کے ساتھ شیئر کی گئی بات
# draft
entry-page-shared-by = وہ بات جو { $name } نے آپ کے ساتھ شیئر کی

## What a worker said back, and "I disagree"

# draft
replies-heading = آپ کے ورکر نے کیا کہا
# draft
replies-by = { $name } ({ $role })، { $day }
# draft
replies-you-disagreed = آپ نے اختلاف کیا، { $day }
# draft
replies-disagree-link = میں اس سے متفق نہیں ہوں
# draft
replies-disagree-question = آپ کس بات سے متفق نہیں ہیں، اور کیوں؟
# draft
replies-disagree-hint = آپ کا ورکر، اور ہر وہ شخص جو ان کی بات پڑھے، اسے ان کی بات کے ساتھ ہی دیکھے گا۔
    .easy = آپ کا ورکر اسے اپنی بات کے ساتھ دیکھے گا۔
# draft
error-write-first = پہلے کچھ لکھیں۔

## Who has seen what I wrote

# draft
seen-heading = آپ کا لکھا ہوا کس نے دیکھا ہے
# draft
seen-nobody = ابھی تک کسی اور نے آپ کی لکھی ہوئی کوئی چیز نہیں کھولی۔
# draft
seen-lead = یہاں ہر وہ شخص ہے جس نے آپ کا لکھا ہوا کھولا: انہوں نے کیا کھولا، اور کب۔ جس نے سب سے آخر میں کھولا، وہ سب سے اوپر ہے۔
    .easy = آپ کی باتیں کس نے کھولیں، اور کب۔ سب سے نیا سب سے اوپر ہے۔
# draft
seen-reader = { $name }، { $role }
# draft
seen-opened-once = ایک بار کھولا گیا: { $time }۔
# draft
seen-opened-times = { $count } بار کھولا گیا: پہلی بار { $first }، اور آخری بار { $last }۔
# draft
check-in-words = ابھی 10 میں سے { $now } پر؛ { $want } تک پہنچنا ہے

## Where each thing was written

# draft
seen-tool-goal = مقصد
# draft
seen-tool-check_in = چیک اِن
# draft
seen-tool-stage = تبدیلی کا مرحلہ
# draft
seen-tool-change_talk = کوئی بات جو مجھے کہنی ہے
# draft
seen-tool-safety_alert = مجھے محفوظ محسوس نہیں ہو رہا
# draft
seen-tool-house_item = تین گھر
# draft
seen-tool-feeling = میرے احساسات
# draft
seen-tool-worker_know = وہ باتیں جو میرے ورکر کو پتہ ہونی چاہییں
# draft
seen-tool-important_person = میرے لیے کون اہم ہے
# draft
seen-tool-for_meeting = میری ٹیم کی میٹنگ کے لیے
# draft
seen-tool-good_news = کوئی چیز جو اچھی رہی
# draft
seen-tool-about_me = میرے بارے میں
# draft
seen-tool-on_plan = منصوبے کے بارے میں میری رائے

## People's roles

# draft
role-team_manager = ٹیم مینیجر
# draft
role-social_worker = سوشل ورکر
# draft
role-child_and_family_practitioner = بچوں اور خاندانوں کے ماہر
# draft
role-domestic_abuse_practitioner = گھریلو تشدد کے ماہر
# draft
role-domestic_abuse_worker_probation = گھریلو تشدد کے ورکر (پروبیشن سروس)
# draft
role-mental_health_practitioner = ذہنی صحت کے ماہر
# draft
role-recovery_worker = نشے سے بحالی کے ورکر
# draft
role-business_support_officer = دفتری عملہ
# draft
role-admin = ایڈمنسٹریٹر
# draft
role-head_of_service = سروس کے سربراہ
# draft
role-parent_carer = والدین یا دیکھ بھال کرنے والے
# draft
role-child = بچہ یا نوجوان
# draft
role-case_system = کونسل کا کیس سسٹم

## Times, such as "22 نومبر 2026 کو شام 7:45 بجے"

# draft
time-at = { $date } کو { $time }
# draft
time-clock = { $part ->
        [midnight] رات 12 بجے
        [midday] دوپہر 12 بجے
        [morning] صبح { $time12 } بجے
        [afternoon] دوپہر { $time12 } بجے
        [evening] شام { $time12 } بجے
       *[night] رات { $time12 } بجے
    }
# draft
time-hour = { $part ->
        [midnight] رات 12 بجے
        [midday] دوپہر 12 بجے
        [morning] صبح { $hour12 } بجے
        [afternoon] دوپہر { $hour12 } بجے
        [evening] شام { $hour12 } بجے
       *[night] رات { $hour12 } بجے
    }

## What your team decided

# draft
decided-met = آپ کی ٹیم { $day } کو ملی تھی، یہ بات کرنے کے لیے کہ حالات کیسے چل رہے ہیں۔
# draft
decided-who = میٹنگ میں کون تھا: { $roles }۔
# draft
decided-comma = { "، " }
# draft
decided-words = ہم نے کیا فیصلہ کیا، اور کیوں
# draft
decided-think = منصوبے کے بارے میں میری رائے
# draft
decided-think-hint = اپنے الفاظ میں لکھیں۔ اگر آپ اسے شیئر کریں، تو آپ کی ٹیم اسے لفظ بہ لفظ پڑھے گی، اور یہ ان کی اگلی میٹنگ میں جائے گا۔
    .easy = اپنے الفاظ میں لکھیں۔ اگر آپ اسے شیئر کریں، تو آپ کی ٹیم اسے پڑھے گی۔
# draft
error-write-plan = لکھیں کہ آپ منصوبے کے بارے میں کیا سوچتے ہیں۔

## Help

# draft
help-heading = مدد
# draft
help-danger = اگر آپ ابھی خطرے میں ہیں، تو 999 پر کال کریں۔
# draft
help-silent = اگر آپ بول نہیں سکتے، تو 999 پر کال کریں، اور جب کہا جائے تو 55 دبائیں۔ اس سے پولیس کو پتہ چلتا ہے کہ آپ کو مدد چاہیے۔
    .easy = بول نہیں سکتے؟ 999 پر کال کریں۔ پھر 55 دبائیں۔
# draft
help-tell = اپنے ورکر کو بتائیں
# draft
help-tell-hint = آپ کے ورکر کو فوراً بتا دیا جائے گا۔ اس اسکرین پر اس کے بارے میں کچھ نظر نہیں آئے گا۔
    .easy = آپ کے ورکر کو فوراً پتہ چل جائے گا۔ اسکرین پر کچھ نظر نہیں آئے گا۔
# draft
help-not-safe = مجھے ابھی محفوظ محسوس نہیں ہو رہا

## Messages when you are away. The messages are sent in English: the page shows the
## English words and what they mean.

# draft
messages-lead = جب یہاں آپ کے لیے کچھ ہو، تو ہم آپ کو ٹیکسٹ میسج یا ای میل بھیج سکتے ہیں۔ اس میں ہمیشہ صرف ایک چھوٹی سی لائن ہوتی ہے، جو آپ خود چنتے ہیں۔ اس میں نہ آپ کا نام ہوتا ہے، نہ یہ کہ کسی نے کیا لکھا۔ اس میں یہ بھی نہیں ہوتا کہ یہ کون سی سروس ہے، جب تک آپ خود ہم سے نہ کہیں۔
    .easy = جب یہاں کچھ نیا ہو، تو ہم آپ کو ٹیکسٹ یا ای میل بھیج سکتے ہیں۔ اس میں یہ نہیں لکھا ہوتا کہ وہ کیا ہے۔
# draft
messages-stopped = ہم آپ کو کوئی پیغام نہیں بھیجیں گے۔
# draft
messages-sent = ہم نے آپ کو ایک کوڈ بھیجا ہے۔ پیغامات شروع کرنے کے لیے اسے نیچے لکھیں۔
# draft
messages-proved = شکریہ۔ آپ کے پیغامات شروع ہو جائیں گے۔
# draft
messages-saved = آپ کی پسند محفوظ ہو گئی ہے۔
# draft
messages-off = آپ کے کچھ پیغامات بند ہیں۔ انہیں دوبارہ شروع کرنے کے لیے چنیں کہ ہم آپ کو کیسے بتائیں۔
# draft
messages-back = مرکزی صفحے پر واپس جائیں
# draft
messages-check = تصدیق کریں کہ یہ آپ ہی ہیں
# draft
messages-check-lead = ہم آپ کو پیغامات تب ہی بھیجتے ہیں جب آپ وہ کوڈ لکھ دیں جو ہم نے بھیجا ہے۔ یہ کوڈ 30 منٹ تک کام کرتا ہے۔
    .easy = ہمارا بھیجا ہوا کوڈ لکھیں۔ یہ 30 منٹ تک کام کرتا ہے۔
# draft
messages-code-email = وہ کوڈ جو ہم نے { $address } پر بھیجا
# draft
messages-code-text = وہ کوڈ جو ہم نے ٹیکسٹ میسج سے { $address } پر بھیجا
# draft
messages-confirm = تصدیق کریں
# draft
messages-new-code = نیا کوڈ بھیجیں
# draft
messages-stop-all = سارے پیغامات بند کریں
# draft
messages-how = ہم آپ کو کیسے بتائیں؟
# draft
messages-how-hint = ایک یا دونوں چنیں۔
# draft
messages-by-email = ای میل سے
# draft
messages-by-text = ٹیکسٹ میسج سے
# draft
messages-email = ای میل ایڈریس (اگر آپ نے ای میل چنی ہے)
# draft
messages-mobile = برطانیہ کا موبائل نمبر (اگر آپ نے ٹیکسٹ میسج چنا ہے)
# draft
messages-what = پیغام میں کیا لکھا ہو؟
# draft
messages-in-english = ہم پیغام انگریزی میں، انہی الفاظ میں بھیجتے ہیں۔
# draft
messages-wording-new_message = آپ کے لیے ایک نیا پیغام ہے۔ اسے پڑھنے کے لیے سائن اِن کریں۔
# draft
messages-wording-something_waiting = کوئی چیز آپ کا انتظار کر رہی ہے۔ اسے دیکھنے کے لیے سائن اِن کریں۔
# draft
messages-wording-reminder = یہ آپ کی یاد دہانی ہے۔
# draft
messages-warning = خبردار
# draft
messages-say-service-warning = اگر پیغام میں اس سروس کا نام ہو، تو لوگ سمجھ سکتے ہیں کہ یہ کس بارے میں ہے۔ سوچیں کہ آپ کا فون یا ای میل کون کون دیکھتا ہے۔
# draft
messages-say-service = پیغام کو اس سروس کے نام سے شروع کریں
# draft
messages-when = ہم پیغام کب بھیجیں؟
# draft
messages-on-response = جب کوئی ورکر آپ کی شیئر کی ہوئی کسی بات کا جواب دے
# draft
messages-on-code = جب آپ کے لیے سائن اِن کا نیا کوڈ ہو
# draft
messages-on-reminder = ہفتے میں ایک بار، چیک اِن کرنے کی یاد دہانی
# draft
messages-day = یاد دہانی کس دن آئے؟
# draft
messages-day-hint = یہ صبح تقریباً 10 بجے آتی ہے۔
# draft
messages-choose-day = دن چنیں
# draft
messages-weekday-0 = پیر
# draft
messages-weekday-1 = منگل
# draft
messages-weekday-2 = بدھ
# draft
messages-weekday-3 = جمعرات
# draft
messages-weekday-4 = جمعہ
# draft
messages-weekday-5 = ہفتہ
# draft
messages-weekday-6 = اتوار
# draft
messages-quiet = خاموشی کے اوقات
# draft
messages-quiet-hint = ان کے ختم ہونے سے پہلے ہم کچھ نہیں بھیجیں گے۔
# draft
messages-from = کب سے
# draft
messages-until = کب تک
# draft
messages-no-quiet = خاموشی کے کوئی اوقات نہیں
# draft
messages-save = میری پسند محفوظ کریں

## Problems with the messages form

# draft
error-messages-how = ای میل یا ٹیکسٹ میسج چنیں، یا سارے پیغامات بند کرنے کا بٹن دبائیں
# draft
error-messages-email = اپنا ای میل ایڈریس لکھیں
# draft
error-messages-email-format = ای میل ایڈریس صحیح طریقے سے لکھیں، جیسے name@example.com
# draft
error-messages-mobile = اپنا موبائل نمبر لکھیں
# draft
error-messages-mobile-format = برطانیہ کا موبائل نمبر لکھیں، جیسے 07700 900 982
# draft
error-messages-what = چنیں کہ پیغام میں کیا لکھا ہو
# draft
error-messages-when = چنیں کہ ہم آپ کو پیغام کب بھیجیں، یا سارے پیغامات بند کرنے کا بٹن دبائیں
# draft
error-messages-day = اپنی یاد دہانی کا دن چنیں
# draft
error-messages-quiet-same = خاموشی کے اوقات کے شروع اور ختم ہونے کا وقت الگ الگ ہونا چاہیے
# draft
error-messages-quiet-start = چنیں کہ خاموشی کے اوقات کب شروع ہوں، یا چنیں کہ کوئی اوقات نہ ہوں
# draft
error-messages-quiet-end = چنیں کہ خاموشی کے اوقات کب ختم ہوں
# draft
error-messages-code = وہ 6 ہندسوں والا کوڈ لکھیں جو ہم نے آپ کو بھیجا
# draft
error-messages-code-wrong = یہ کوڈ صحیح نہیں، یا 30 منٹ سے پرانا ہے۔ اسے دیکھ لیں، یا نیا کوڈ بھیجیں
# draft
error-messages-too-many = ہم نے پچھلے ایک گھنٹے میں آپ کو بہت زیادہ کوڈ بھیج دیے ہیں۔ بعد میں دوبارہ کوشش کریں۔

## The chart under "My progress". Its axes run left to right, as in English.

# draft
chart-line = { $colour } رنگ میں { $line } لکیر، ہر چیک اِن پر { $with } کے ساتھ: { $name }۔
# draft
chart-point = { $shape }، { $colour } رنگ میں: { $name }۔
# draft
chart-colour-blue = نیلے
# draft
chart-colour-black = کالے
# draft
chart-colour-green = ہرے
# draft
chart-colour-purple = جامنی
# draft
chart-line-solid = مسلسل
# draft
chart-line-dashed = ٹوٹی ہوئی
# draft
chart-line-dotted = نقطوں والی
# draft
chart-shape-dot = نقطہ
    .with = ایک نقطے
# draft
chart-shape-square = چوکور
    .with = ایک چوکور
# draft
chart-shape-triangle = تکون
    .with = ایک تکون
# draft
chart-shape-diamond = ہیرے کی شکل
    .with = ہیرے کی شکل
# draft
chart-series-where-you-were = آپ کہاں تھے
# draft
chart-series-where-you-want-to-be = آپ کہاں ہونا چاہتے ہیں

## A member's space

# draft
space-said-on = { $day }۔
# draft
space-stage = { $stage }۔
