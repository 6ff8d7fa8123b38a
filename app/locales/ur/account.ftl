## Urdu, translated from en/account.ftl. Urdu is written right to left; the page sets
## dir="rtl". Each message has its status in the comment above it: `# draft` until one
## of the council's translators has checked it, then `# reviewed`.


## Your passkeys and sign-ins (the account page)

# draft
account-title = آپ کی پاس کیز اور سائن اِن
# draft
account-where = آپ کہاں کہاں سائن اِن ہیں
# draft
account-where-lead = اگر آپ کسی کو نہیں پہچانتے تو اسے سائن آؤٹ کر دیں۔
# draft
account-this-device = یہ ڈیوائس
# draft
account-signed-in = { $day } کو سائن اِن ہوا
# draft
account-sign-out-here = یہاں سائن آؤٹ کریں
# draft
account-sign-out = سائن آؤٹ کریں: { $place }
# draft
account-last-used = آخری بار { $day } کو استعمال ہوا
# draft
account-passkeys = آپ کی پاس کیز
# draft
account-passkeys-lead = پاس کی سے کوئی فون یا لیپ ٹاپ آپ کے نام سے سائن اِن کر سکتا ہے۔ اگر آپ کوئی پاس کی ہٹا دیں تو جہاں وہ استعمال ہوئی تھی وہاں سے آپ سائن آؤٹ ہو جاتے ہیں۔
# draft
account-remove = ہٹائیں: { $passkey }
# draft
account-not-used = ابھی تک استعمال نہیں ہوئی
# draft
account-removed = ہٹا دی گئی
# draft
account-everything = آپ کے بارے میں ہمارے پاس جو کچھ ہے
# draft
account-everything-lead = ہم آپ کے بارے میں جو کچھ رکھتے ہیں، آپ وہ سب دیکھ سکتے ہیں اور اس کی کاپی رکھ سکتے ہیں۔
# draft
account-everything-link = دیکھیں کہ آپ کے بارے میں ہمارے پاس کیا کیا ہے
# draft
account-back-home = واپس ہوم پیج پر
# draft
account-important = اہم

## Your copy of everything we hold about you

# draft
own-title = آپ کا ڈیٹا
# draft
own-heading = آپ کے بارے میں ہمارے پاس جو کچھ ہے
# draft
own-holds = اس میں وہ سب ہے جو پورٹل آپ کے بارے میں رکھتا ہے۔ یعنی آپ نے کیا لکھا، اس میں ہر تبدیلی، اور آپ نے کس کے ساتھ شیئر کیا۔ اس میں یہ بھی ہے کہ آپ کے ورکرز نے کیا جواب دیا، اور کس نے اسے پڑھا۔ اس میں وہ نہیں ہے جو آپ کے خاندان کے کسی اور فرد نے لکھا۔
# draft
own-made-self = آپ نے یہ کاپی { $day } کو بنائی۔ { own-holds } آپ کی حفاظت کے لیے کچھ چیزیں اس میں شامل نہیں، تاکہ اگر کوئی اور آپ کا فون دیکھ لے تو وہ انہیں نہ دیکھ سکے، جیسے آپ کے ورکرز کو بھیجا گیا کوئی فوری پیغام۔ آپ کا ورکر آپ سے مل کر آپ کو پوری کاپی دے سکتا ہے۔
# draft
own-made-by = { $name } نے یہ کاپی { $day } کو آپ کے کہنے پر آپ کے لیے بنائی۔ { own-holds }
# draft
own-keep = کاپی رکھیں
# draft
own-keep-lead = جو بھی یہ فائل کھول سکے وہ اسے پڑھ سکتا ہے۔ اسے ایسی جگہ رکھیں جہاں صرف آپ پہنچ سکیں۔
# draft
own-download-word = ورڈ ڈاکیومنٹ کے طور پر ڈاؤن لوڈ کریں
# draft
own-download-web = ویب پیج کے طور پر ڈاؤن لوڈ کریں
# draft
own-download-json = کمپیوٹر کے لیے ڈیٹا کے طور پر ڈاؤن لوڈ کریں (JSON)
# draft
own-back = واپس اپنے اکاؤنٹ پر
# draft
own-about-you = آپ کے بارے میں
# draft
own-name = نام
# draft
own-place = خاندان میں
# draft
own-born = تاریخ پیدائش
# draft
own-reference = خاندان کا حوالہ نمبر
# draft
own-joined = پورٹل میں شامل کیا گیا
# draft
own-wrote = آپ نے کیا لکھا
# draft
own-nothing = ابھی کچھ نہیں۔
# draft
own-unfinished = جواب جو آپ نے مکمل نہیں کیے
# draft
own-none = کچھ نہیں۔
# draft
own-draft-changed = { $tool }، آخری تبدیلی { $day } کو
# draft
own-readers = آپ کا لکھا ہوا کس نے پڑھا
# draft
own-no-readers = آپ کا لکھا ہوا کسی اور نے نہیں کھولا۔
# draft
own-reader = { $name } ({ $role })
# draft
own-read-once = (پہلی بار { $first } کو پڑھا، آخری بار { $last } کو، ایک بار)
# draft
own-read-times = (پہلی بار { $first } کو پڑھا، آخری بار { $last } کو، کل { $times } بار)
# draft
own-messages = آپ کی غیر موجودگی میں پیغامات
# draft
own-no-messages-chosen = آپ نے پیغامات لینے کا انتخاب نہیں کیا۔
# draft
own-email = ای میل: { $email }
# draft
own-mobile = ٹیکسٹ میسج: { $mobile }
# draft
own-every-message = ہر پیغام میں یہ لکھا ہوتا ہے: “{ $sentence }”
# draft
own-no-messages-now = ابھی آپ کو کوئی پیغام نہیں آتا۔
# draft
own-message-about = آپ کو پیغام آتا ہے: { $about }
# draft
own-about-reply = جب کوئی ورکر آپ کے لکھے ہوئے کا جواب دے
# draft
own-about-code = جب آپ کے لیے نیا کوڈ بنے
# draft
own-about-reminder = ہر { $day } کو یاد دہانی
# draft
own-passkeys = آپ کی پاس کیز اور سائن اِن
# draft
own-passkey = پاس کی “{ $name }”۔ { $day } کو شامل کی گئی۔
# draft
own-passkey-used = پاس کی “{ $name }”۔ { $day } کو شامل کی گئی۔ آخری بار { $used } کو استعمال ہوئی۔
# draft
own-passkey-removed = پاس کی “{ $name }”۔ { $day } کو شامل کی گئی۔ { $gone } کو ہٹا دی گئی۔
# draft
own-passkey-used-removed = پاس کی “{ $name }”۔ { $day } کو شامل کی گئی۔ آخری بار { $used } کو استعمال ہوئی۔ { $gone } کو ہٹا دی گئی۔
# draft
own-signed-in = { $day } کو سائن اِن ہوا، آخری بار { $used } کو استعمال ہوا۔
# draft
own-shared-nobody = کسی کے ساتھ شیئر نہیں کیا۔
# draft
own-shared-workers = { $day } کو آپ کے ورکرز کے ساتھ شیئر کیا۔
# draft
own-shared-workers-stopped = { $day } کو آپ کے ورکرز کے ساتھ شیئر کیا۔ { $stopped } کو شیئر کرنا بند کیا۔
# draft
own-shared-with = { $day } کو { $name } کے ساتھ شیئر کیا۔
# draft
own-shared-with-stopped = { $day } کو { $name } کے ساتھ شیئر کیا۔ { $stopped } کو شیئر کرنا بند کیا۔
# draft
own-marked-read = { $name } نے { $day } کو پڑھا ہوا نشان لگایا۔
# draft
own-entry = { $tool }، { $day }
# draft
own-version = ورژن { $version }، { $day }
# draft
own-reply = { $name } ({ $role }) کا جواب، { $day }
# draft
own-said-against = آپ نے اس کے جواب میں کیا کہا، { $day }

## Where someone is in the family

# draft
own-place-parent_carer = والدین یا نگہداشت کرنے والے
# draft
own-place-child = بچہ یا نوجوان

## Who read or replied: a worker's job

# draft
own-role-team_manager = ٹیم مینیجر
# draft
own-role-social_worker = سوشل ورکر
# draft
own-role-child_and_family_practitioner = بچوں اور خاندان کے ماہر
# draft
own-role-domestic_abuse_practitioner = گھریلو زیادتی کے ماہر
# draft
own-role-domestic_abuse_worker_probation = گھریلو زیادتی کے ورکر (پروبیشن)
# draft
own-role-mental_health_practitioner = ذہنی صحت کے ماہر
# draft
own-role-recovery_worker = نشے سے بحالی کے ورکر
# draft
own-role-business_support_officer = دفتری معاون
# draft
own-role-admin = ایڈمنسٹریٹر
# draft
own-role-head_of_service = سروس کے سربراہ

## What was written, by the page it was written on

# draft
own-tool-goal = مقصد
# draft
own-tool-check_in = چیک اِن
# draft
own-tool-stage = تبدیلی کا مرحلہ
# draft
own-tool-change_talk = تبدیلی کی بات
# draft
own-tool-safety_alert = مجھے محفوظ محسوس نہیں ہوتا
# draft
own-tool-house_item = تین گھر
# draft
own-tool-feeling = احساسات کا چیک اِن
# draft
own-tool-worker_know = میرے ورکر کو کیا معلوم ہونا چاہیے
# draft
own-tool-important_person = میرے لیے کون اہم ہے
# draft
own-tool-for_meeting = میری ٹیم کی میٹنگ کے لیے
# draft
own-tool-good_news = کچھ جو اچھا ہوا
# draft
own-tool-about_me = میرے بارے میں
# draft
own-tool-on_plan = منصوبے کے بارے میں میری رائے

## Answers not finished, by what was being written

# draft
own-draft-new_goal = نیا مقصد
# draft
own-draft-edit_goal = مقصد میں تبدیلی
# draft
own-draft-check_in = چیک اِن
# draft
own-draft-stage = آپ تبدیلی میں کہاں ہیں
# draft
own-draft-say = کچھ کہنے کے لیے
# draft
own-draft-for_meeting = آپ کی ٹیم کی میٹنگ کے لیے
# draft
own-draft-good_news = کچھ جو اچھا ہوا
# draft
own-draft-about_me = میرے بارے میں

## The names of answers not asked as a tool's question

# draft
own-part-share = اسے کون دیکھ سکتا ہے
# draft
own-part-page = صفحہ
# draft
own-part-alert = انہوں نے کیا لکھا
# draft
own-part-house = تین گھر
# draft
own-part-feel = میرا احساس
# draft
own-part-because = کیونکہ
# draft
own-part-pictures = چنی گئی تصویریں
# draft
own-part-own-words = ان کے اپنے الفاظ میں
# draft
own-part-with = ریکارڈ کرتے وقت ساتھ تھے

## Days of the week, for a weekly reminder

# draft
own-day-1 = پیر
# draft
own-day-2 = منگل
# draft
own-day-3 = بدھ
# draft
own-day-4 = جمعرات
# draft
own-day-5 = جمعہ
# draft
own-day-6 = ہفتہ
# draft
own-day-7 = اتوار

## Give feedback about this service

# draft
feedback-title = رائے دیں
# draft
feedback-heading = اس سروس کے بارے میں اپنی رائے دیں
# draft
feedback-warning = انتباہ
# draft
feedback-not-read = اسے آپ کا ورکر نہیں پڑھتا۔ اس لیے یہاں نام یا اپنے خاندان کے بارے میں کچھ نہ لکھیں۔ اپنے ورکر کو کچھ بتانا ہو تو ان سے بات کریں۔
# draft
feedback-how = آپ اس سروس کے بارے میں کیسا محسوس کرتے ہیں؟
# draft
feedback-very_satisfied = بہت مطمئن
# draft
feedback-satisfied = مطمئن
# draft
feedback-neither = نہ مطمئن، نہ غیر مطمئن
# draft
feedback-dissatisfied = غیر مطمئن
# draft
feedback-very_dissatisfied = بہت غیر مطمئن
# draft
feedback-improve = ہم اس سروس کو کیسے بہتر بنا سکتے ہیں؟
# draft
feedback-send = رائے بھیجیں
# draft
feedback-sent-title = رائے بھیج دی گئی
# draft
feedback-thanks = آپ کی رائے کا شکریہ
# draft
feedback-we-read = ہم ہر رائے پڑھتے ہیں اور اس سے یہ سروس بہتر بناتے ہیں۔

## Problems with the feedback form

# draft
error-feedback-choose = چنیں کہ آپ اس سروس کے بارے میں کیسا محسوس کرتے ہیں۔
# draft
error-feedback-old-page = یہ صفحہ پرانا ہو چکا ہے۔ صفحہ دوبارہ لوڈ کریں اور پھر کوشش کریں۔

## Passkeys: the messages the passkey script shows

# draft
passkey-no-script = یہاں اپنے فون کا اسکرین لاک استعمال کرنے کے لیے اپنے براؤزر میں JavaScript آن کریں۔ اگر آپ ایسا نہیں کر سکتے تو اپنے ورکر سے مدد مانگیں۔
# draft
passkey-cancelled = یہ کام نہیں ہوا۔ شاید آپ نے اسے منسوخ کر دیا، یا اس فون پر اسکرین لاک نہیں لگا ہوا۔ دوبارہ کوشش کریں۔

## Problems with a passkey step

# draft
passkey-no-code = وہ کوڈ لکھیں جو آپ کے ورکر نے آپ کو دیا
# draft
passkey-code = یہ کوڈ درست نہیں، پہلے استعمال ہو چکا ہے یا اس کی مدت ختم ہو گئی ہے۔ اپنے ورکر سے نیا کوڈ مانگیں۔
# draft
passkey-too-long = اس میں بہت دیر لگ گئی یا یہ پہلے استعمال ہو چکا تھا۔ دوبارہ شروع کریں۔
# draft
passkey-refused = یہ پاس کی قبول نہیں ہوئی۔ دوبارہ کوشش کریں، یا اپنے ورکر سے مدد مانگیں۔
# draft
passkey-not-accepted = یہ پاس کی کام نہیں کر سکی۔
# draft
passkey-confirm = پہلے تصدیق کریں کہ یہ آپ ہی ہیں۔

## When a page is not there, or something went wrong

# draft
problem-not-found = صفحہ نہیں ملا
# draft
problem-typed = اگر آپ نے ویب ایڈریس خود لکھا تھا تو دیکھ لیں کہ وہ درست ہے۔
# draft
problem-pasted = اگر آپ نے ویب ایڈریس پیسٹ کیا تھا تو دیکھ لیں کہ آپ نے پورا کاپی کیا تھا۔
# draft
problem-start-page = شروع کے صفحے پر جائیں
# draft
problem-sign-in = آپ کو سائن اِن کرنا ہو گا
# draft
problem-signed-out = ہو سکتا ہے آپ سائن آؤٹ ہو گئے ہوں۔ اگر آپ کچھ دیر تک کچھ نہ کریں تو ایسا ہوتا ہے۔
# draft
problem-title = معذرت، کوئی مسئلہ ہے
# draft
problem-service = معذرت، سروس میں کوئی مسئلہ ہے
# draft
problem-service-advice = بعد میں دوبارہ کوشش کریں۔ آپ نے اس سے پہلے جو بھیجا وہ محفوظ ہے۔

## Problems with a request

# draft
error-service = معذرت، سروس میں کوئی مسئلہ ہے۔ بعد میں دوبارہ کوشش کریں۔
# draft
error-sign-in-needed = یہ صفحہ دیکھنے کے لیے آپ کو سائن اِن کرنا ہو گا۔
# draft
error-too-many = بہت زیادہ کوششیں ہو گئی ہیں۔ ایک گھنٹہ انتظار کریں اور دوبارہ کوشش کریں، یا اپنے ورکر سے مدد مانگیں۔
# draft
error-refused = یہ درخواست رد کر دی گئی
# draft
error-bad-request = اس درخواست میں کچھ گڑبڑ تھی۔ واپس جائیں، صفحہ دوبارہ لوڈ کریں اور پھر کوشش کریں۔
# draft
error-not-sent = آپ کے جواب نہیں بھیجے جا سکے۔ اپنا کنکشن دیکھیں اور دوبارہ کوشش کریں۔ آپ نے جو لکھا تھا اس میں سے کچھ ضائع نہیں ہوا۔

## When the phone is offline

# draft
offline-title = آپ آف لائن ہیں
# draft
offline-lead = یہ صفحہ نہیں کھل سکا۔ دیکھیں کہ آپ کے فون میں سگنل یا Wi-Fi ہے، پھر دوبارہ کوشش کریں۔
# draft
offline-try-again = دوبارہ کوشش کریں
# draft
offline-held = آپ آف لائن ہیں۔ آپ نے جو لکھا وہ ابھی یہیں ہے، اور جیسے ہی آپ کا فون دوبارہ آن لائن ہو گا، بھیج دیا جائے گا۔
