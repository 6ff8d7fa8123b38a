## Every page

# draft
skip-to-main = سیدھا اصل مواد پر جائیں
# draft
exit-this-page = اس صفحے سے نکلیں
# draft
exit-emergency = ایمرجنسی
# draft
read-aloud = یہ مجھے پڑھ کر سنائیں
# draft
read-aloud-no-voice = یہ فون اس زبان کو پڑھ کر نہیں سنا سکتا۔
# draft
footer-support = مدد کے لنکس
# draft
footer-help = مدد
# draft
footer-feedback = اس سروس کے بارے میں اپنی رائے دیں
# draft
footer-run-by = چلانے والا ادارہ: { $organisation }
# draft
footer-language = زبان
# draft
back = واپس
# draft
continue = آگے بڑھیں
# draft
error-prefix = غلطی:
# draft
error-summary-title = کوئی مسئلہ ہے
# draft
success = ہو گیا

## Choosing a language

# draft
language-title = اپنی زبان چنیں
# draft
language-hint = آپ اسے کسی بھی وقت، ہر صفحے کے نیچے سے بدل سکتے ہیں۔
# draft
language-save = محفوظ کریں
# draft
language-saved = آپ کی زبان محفوظ ہو گئی ہے۔

## The start page

# draft
landing-title = شروع
# draft
landing-heading = اپنی بات، اپنے الفاظ میں کہیں
# draft
landing-lead = یہاں اپنے خاندان کے ورکرز کو بتائیں کہ آپ کے لیے کیا اہم ہے، آپ کیا بدلنا چاہتے ہیں، اور حالات کیسے چل رہے ہیں۔
# draft
landing-you-can = آپ یہ کر سکتے ہیں:
# draft
landing-can-goals = لکھیں کہ آپ کیا بدلنا چاہتے ہیں، اور کیوں
# draft
landing-can-score = بتائیں کہ حالات کیسے چل رہے ہیں، 0 سے 10 تک
# draft
landing-can-share = خود چنیں کہ آپ کا ورکر کیا دیکھے، اور کب
# draft
landing-private = آپ جو بھی لکھیں وہ نجی رہتا ہے، جب تک آپ خود اسے شیئر نہ کریں۔
# draft
landing-sign-in = سائن اِن کریں
# draft
landing-no-sign-in = اگر آپ کے پاس ابھی سائن اِن کرنے کا طریقہ نہیں ہے
# draft
landing-ask-worker = آپ کے ورکر آپ سے مل کر آپ کو ایک کوڈ دیں گے، جس سے آپ اپنا سائن اِن بنا سکیں گے۔ اگلی ملاقات پر ان سے پوچھ لیں۔

## Setting up a sign-in

# draft
start-title = اپنا سائن اِن بنائیں
# draft
start-lead = سائن اِن کے لیے آپ کے فون کا اسکرین لاک استعمال ہو گا، جیسے فنگر پرنٹ، چہرہ یا PIN۔
# draft
start-code = وہ کوڈ جو آپ کے ورکر نے آپ کو دیا
# draft
start-code-hint = مثال کے طور پر، K7PQ2-XM4RT

## A parent's home

# draft
home-title = مرکزی صفحہ
# draft
home-hello = ہیلو، { $name }
# draft
home-heading = آپ کی جگہ
# draft
home-signed-in = آپ { $name } کے نام سے سائن اِن ہیں۔ آپ جو بھی لکھیں وہ نجی رہتا ہے، جب تک آپ خود اسے شیئر نہ کریں۔
    .easy = آپ جو لکھیں، صرف آپ دیکھ سکتے ہیں۔
# draft
home-other-things = آپ کی لکھی ہوئی دوسری باتیں
# draft
home-shared-with-you = آپ کے ساتھ شیئر کیا گیا
# draft
home-who-has-seen = میرا لکھا ہوا کس نے دیکھا ہے
# draft
home-messages = آپ کی غیر موجودگی میں پیغامات
# draft
home-passkeys = آپ کی پاس کیز اور سائن اِن
# draft
sign-out = سائن آؤٹ کریں
# draft
home-meeting = آپ کی ٹیم کی میٹنگ
# draft
home-meeting-on = آپ کی ٹیم { $day } کو ملے گی، اور بات کرے گی کہ حالات کیسے چل رہے ہیں۔
    .easy = آپ کی ٹیم { $day } کو ملے گی۔
# draft
home-meeting-ask = کیا کوئی بات ہے جو آپ انہیں بتانا چاہیں؟
# draft
home-tell-team = اپنی ٹیم کو بتائیں
# draft
home-decided = آپ کی ٹیم نے کیا فیصلہ کیا
# draft
home-decided-met = آپ کی ٹیم { $day } کو ملی تھی۔
# draft
home-decided-read = آپ نے یہ پڑھ لیا ہے۔ آپ اسے پھر سے پڑھ کر اپنی رائے دے سکتے ہیں۔
    .easy = آپ اسے پھر سے پڑھ سکتے ہیں۔
# draft
home-decided-unread = انہوں نے آپ کے پڑھنے کے لیے لکھ دیا ہے کہ کیا فیصلہ کیا، اور کیوں۔
    .easy = آپ کی ٹیم نے لکھا کہ کیا فیصلہ کیا۔
# draft
home-decided-link = پڑھیں کہ آپ کی ٹیم نے { $day } کو کیا فیصلہ کیا
# draft
home-replied = آپ کے ورکر نے جواب دیا ہے۔ پڑھیں کہ انہوں نے کیا کہا
# draft
home-my-goals = میرے مقصد
# draft
home-no-goals = آپ نے ابھی کوئی مقصد شامل نہیں کیا۔
# draft
home-goal-scores = ابھی 10 میں سے { $now } پر، اور { $want } تک پہنچنا ہے۔
    .easy =
        آپ ابھی { $now } پر ہیں۔
        آپ { $want } تک جانا چاہتے ہیں۔
# draft
home-no-check-in = ابھی کوئی چیک اِن نہیں ہوا۔
# draft
home-read-on = آپ کے ورکر نے { $day } کو پڑھا
# draft
home-add-goal = مقصد شامل کریں
# draft
home-things-to-say = وہ باتیں جو مجھے کہنی ہیں
# draft
home-nothing-yet = ابھی کچھ نہیں۔
# draft
home-workers-see = آپ کے ورکرز یہ دیکھ سکتے ہیں۔
# draft
home-only-you = یہ صرف آپ دیکھ سکتے ہیں۔
# draft
home-say-something = کچھ کہیں
# draft
home-went-well = کوئی چیز جو اچھی رہی
# draft
home-about-me = میرے بارے میں
# draft
home-stop-sharing = اسے شیئر کرنا بند کریں
# draft
home-share = اسے میرے ورکرز کے ساتھ شیئر کریں
# draft
entry-you-wrote = آپ نے یہ { $day } کو لکھا۔
# draft
entry-shared-by = { $name } نے یہ { $day } کو آپ کے ساتھ شیئر کیا۔
# draft
entry-open = کھولیں
# draft
entry-worker-replied = آپ کے ورکر نے جواب دیا ہے۔

## Who can see it

# draft
share-legend = یہ کون دیکھ سکتا ہے؟
# draft
share-hint = آپ اسے بعد میں بدل سکتے ہیں۔
# draft
share-only-me = صرف میں
# draft
share-workers = میں اور میرے ورکرز

## A goal's own page

# draft
goal-title = مقصد
# draft
goal-caption = میرا مقصد
# draft
goal-stage = میں اس میں کہاں ہوں
# draft
goal-no-stage = ابھی نہیں چنا
# draft
goal-check-in = اس مقصد کا چیک اِن کریں
# draft
goal-say-stage = بتائیں کہ آپ اس میں کہاں ہیں
# draft
goal-change = یہ مقصد بدلیں
# draft
goal-back-home = اپنی جگہ پر واپس جائیں

## A tool's pages, one question each

# draft
tool-new-goal = مقصد شامل کریں
# draft
tool-edit-goal = اپنا مقصد بدلیں
# draft
tool-check-in = چیک اِن
# draft
tool-stage = آپ کہاں ہیں
# draft
tool-say = کوئی بات جو مجھے کہنی ہے
# draft
tool-meeting = آپ کی ٹیم کی میٹنگ کے لیے
# draft
tool-good-news = کوئی چیز جو اچھی رہی
# draft
tool-about-me = میرے بارے میں
# draft
optional = (ضروری نہیں)
# draft
saved-as-you-type = آپ جو لکھیں، وہ ساتھ ساتھ محفوظ ہوتا رہتا ہے۔ آپ بعد میں پھر آ کر اسے جاری رکھ سکتے ہیں۔
# draft
not-saved-yet = ابھی محفوظ نہیں ہوا۔ آپ نے جو لکھا وہ ابھی یہیں ہے: اپنا انٹرنیٹ کنکشن دیکھیں اور آگے بڑھیں کا بٹن دبائیں۔
# draft
not-answered = جواب نہیں دیا
# draft
score-out-of-ten = 10 میں سے { $score }
# draft
own-way = اپنے طریقے سے
# draft
ruler-not-lower = آپ نے { $n } چنا۔ { $n } کیوں، اس سے کم نمبر کیوں نہیں؟
    .easy = { $n } کیوں، کم کیوں نہیں؟
# draft
ruler-up-one = آپ نے { $n } چنا۔ ایک نمبر اوپر، { $next } تک جانے میں آپ کو کس چیز سے مدد ملے گی؟
    .easy = { $next } تک پہنچنے میں کیا مدد کرے گا؟
# draft
check-title = اپنے جواب دیکھ لیں
# draft
check-nothing = ابھی دیکھنے کے لیے کچھ نہیں ہے
# draft
check-start-again = پہلے سوال سے شروع کریں
# draft
check-kept = آپ نے پہلے جو لکھا تھا وہ بھی رکھا جاتا ہے، تاکہ آپ ہمیشہ دیکھ سکیں کہ کیا بدلا۔
# draft
check-change = بدلیں
# draft
save-goal = مقصد محفوظ کریں
# draft
save-changes = تبدیلیاں محفوظ کریں
# draft
save-check-in = چیک اِن محفوظ کریں
# draft
save = محفوظ کریں
# draft
discard-edit-link = رہنے دیں: مقصد کو پہلے جیسا ہی رکھیں
# draft
discard-edit-question = کیا آپ واقعی اپنے مقصد میں تبدیلی روکنا چاہتے ہیں؟
# draft
discard-goal-link = یہ مقصد مٹا دیں
# draft
discard-goal-question = کیا آپ واقعی یہ مقصد مٹانا چاہتے ہیں؟
# draft
discard-check-in-link = یہ چیک اِن مٹا دیں
# draft
discard-check-in-question = کیا آپ واقعی یہ چیک اِن مٹانا چاہتے ہیں؟
# draft
discard-link = اسے مٹا دیں
# draft
discard-question = کیا آپ واقعی اسے مٹانا چاہتے ہیں؟
# draft
discard-edit-lost = آپ نے جو تبدیلیاں کی ہیں وہ نہیں رکھی جائیں گی۔ آپ کا مقصد پہلے جیسا ہی رہے گا۔
# draft
discard-edit-yes = ہاں، مقصد کو پہلے جیسا ہی رکھیں
# draft
discard-lost = آپ نے یہاں جو بھی جواب دیے ہیں وہ سب مٹ جائیں گے، اور واپس نہیں آ سکیں گے۔ کچھ بھی شیئر نہیں ہوا۔
# draft
discard-yes = ہاں، اسے مٹا دیں
# draft
discard-no = نہیں، میرے جوابات پر واپس جائیں
# draft
discard-title = کیا آپ کو یقین ہے؟

## The questions. `.short` is how the answer is named on "Check your answers".

# draft
q-goal-change = آپ کیا بدلنا چاہتے ہیں؟
    .short = جو مجھے بدلنا ہے
    .hint = اپنے الفاظ میں لکھیں۔
    .easy = آپ کیا بدلنا چاہتے ہیں؟
# draft
q-goal-why = یہ آپ کے لیے کیوں اہم ہے؟
    .short = یہ میرے لیے کیوں اہم ہے
    .easy = یہ کیوں اہم ہے؟
# draft
q-goal-steps = آپ کے اگلے قدم کیا ہوں گے؟
    .short = میرے اگلے قدم
    .easy = آپ کیا کریں گے؟
# draft
q-goal-helpers = آپ کی مدد کون کر سکتا ہے؟
    .short = کون مدد کر سکتا ہے
    .easy = کون مدد کر سکتا ہے؟
# draft
q-goal-signs = آپ کو کیسے پتا چلے گا کہ فرق پڑ رہا ہے؟
    .short = مجھے کیسے پتا چلے گا کہ فرق پڑ رہا ہے
    .easy = آپ کو کیسے پتہ چلے گا کہ یہ کام کر رہا ہے؟
# draft
q-goal-obstacles = راستے میں کیا رکاوٹ آ سکتی ہے؟
    .short = راستے میں کیا رکاوٹ آ سکتی ہے
    .easy = آپ کو کیا روک سکتا ہے؟
# draft
q-check-now = آپ ابھی کہاں ہیں، 0 سے 10 تک؟
    .short = میں ابھی کہاں ہوں
    .hint = 0 کا مطلب ہے سب سے برا حال، 10 کا مطلب ہے سب سے اچھا حال۔
    .easy = آپ ابھی کہاں ہیں؟
    .easy-hint =
        0 سب سے برا ہے۔
        10 سب سے اچھا ہے۔
# draft
q-check-want = آپ کہاں تک پہنچنا چاہتے ہیں، 0 سے 10 تک؟
    .short = مجھے کہاں تک پہنچنا ہے
    .hint = 0 کا مطلب ہے سب سے برا حال، 10 کا مطلب ہے سب سے اچھا حال۔
    .easy = آپ کہاں ہونا چاہتے ہیں؟
    .easy-hint =
        0 سب سے برا ہے۔
        10 سب سے اچھا ہے۔
# draft
q-check-note = کیا آپ کچھ اور بتانا چاہتے ہیں؟
    .short = جو میں مزید بتانا چاہوں
    .easy = کچھ اور؟
# draft
q-check-importance = یہ تبدیلی آپ کے لیے کتنی اہم ہے، 0 سے 10 تک؟
    .short = یہ میرے لیے کتنی اہم ہے
    .hint = 0 کا مطلب ہے بالکل اہم نہیں، 10 کا مطلب ہے سب سے اہم بات۔
    .easy = یہ کتنا اہم ہے؟
    .easy-hint =
        0 یعنی بالکل نہیں۔
        10 یعنی بہت زیادہ۔
# draft
q-check-importance_not_lower = یہ نمبر کیوں، اس سے کم کیوں نہیں؟
    .short = اہمیت کے لیے یہ نمبر کیوں، کم کیوں نہیں
    .easy = یہ نمبر کیوں؟
# draft
q-check-importance_up_one = ایک نمبر اوپر جانے میں آپ کو کس چیز سے مدد ملے گی؟
    .short = کیا چیز اس کی اہمیت ایک نمبر بڑھا سکتی ہے
    .easy = کیا چیز مدد کرے گی؟
# draft
q-check-confidence = آپ کو کتنا یقین ہے کہ آپ یہ کر سکتے ہیں، 0 سے 10 تک؟
    .short = مجھے کتنا یقین ہے کہ یہ مجھ سے ہو سکے گا
    .hint = 0 کا مطلب ہے بالکل یقین نہیں، 10 کا مطلب ہے پورا یقین۔
    .easy = آپ کو کتنا یقین ہے؟
    .easy-hint =
        0 یعنی بالکل یقین نہیں۔
        10 یعنی پورا یقین۔
# draft
q-check-confidence_not_lower = یہ نمبر کیوں، اس سے کم کیوں نہیں؟
    .short = یقین کے لیے یہ نمبر کیوں، کم کیوں نہیں
    .easy = یہ نمبر کیوں؟
# draft
q-check-confidence_up_one = ایک نمبر اوپر جانے میں آپ کو کس چیز سے مدد ملے گی؟
    .short = کیا چیز میرا یقین ایک نمبر بڑھا سکتی ہے
    .easy = کیا چیز مدد کرے گی؟
# draft
q-stage-stage = آپ اس مقصد میں کہاں ہیں؟
    .short = میں اس میں کہاں ہوں
    .easy = آپ اس میں کہاں ہیں؟
# draft
q-say-kind = آپ کیسے شروع کرنا چاہتے ہیں؟
    .short = میں نے کیسے شروع کیا
    .hint = کسی جملے کی شروعات چنیں، یا اپنے طریقے سے لکھیں۔
    .easy = آپ کیسے شروع کرنا چاہتے ہیں؟
# draft
q-say-text = آپ کیا کہنا چاہتے ہیں؟
    .short = جو مجھے کہنا ہے
    .hint = جملہ اپنے الفاظ میں پورا کریں۔
    .easy = آپ کیا کہنا چاہتے ہیں؟
# draft
q-meeting-text = کیا کوئی بات ہے جو آپ انہیں بتانا چاہیں؟
    .short = جو میں انہیں بتانا چاہوں
    .hint = اپنے الفاظ میں لکھیں۔ یہ کوئی ایسی بات ہو سکتی ہے جو اچھی رہی، کوئی فکر، یا یہ کہ آپ پلان سے کیا چاہتے ہیں۔
    .easy = آپ کی ٹیم کو کیا پتہ ہونا چاہیے؟
# draft
q-good-text = کیا اچھا رہا؟
    .short = کیا اچھا رہا
    .hint = بڑی ہو یا چھوٹی: کوئی کام جو آپ نے کیا، کوئی چیز جو آسان ہو گئی، یا کوئی اچھا دن۔
    .easy = کیا اچھا ہوا؟
# draft
q-about-know = لوگوں کو آپ کے بارے میں کیا معلوم ہونا چاہیے؟
    .short = لوگوں کو میرے بارے میں کیا معلوم ہونا چاہیے
    .hint = یہ ان ورکرز کے لیے ہے جو آپ کو ابھی نہیں جانتے۔ جتنا چاہیں لکھیں، کم یا زیادہ۔
    .easy = لوگوں کو آپ کے بارے میں کیا پتہ ہونا چاہیے؟
# draft
q-about-helps = آپ کو کس چیز سے مدد ملتی ہے؟
    .short = مجھے کس چیز سے مدد ملتی ہے
    .hint = مثال کے طور پر، جب حالات مشکل ہوں۔ آپ اسے چھوڑ سکتے ہیں۔
    .easy = آپ کی کیا چیز مدد کرتی ہے؟
# draft
q-about-spoken = آپ کو کیسے پسند ہے کہ لوگ آپ سے بات کریں؟
    .short = مجھے کیسے پسند ہے کہ لوگ مجھ سے بات کریں
    .hint = مثال کے طور پر، آپ کو کس نام سے بلایا جائے، یا کون سی باتیں لوگ آپ سے نہ کہیں۔ آپ اسے چھوڑ سکتے ہیں۔
    .easy = لوگ آپ سے کیسے بات کریں؟

## Stages of change. Slipping back is normal: never word it as a failure.

# draft
stage-not_thinking = ابھی اس بارے میں نہیں سوچا
    .hint = ابھی یہ بدلنے کا میرا کوئی ارادہ نہیں۔
# draft
stage-thinking = سوچ بچار چل رہی ہے
    .hint = دل کا ایک حصہ بدلنا چاہتا ہے، اور ایک حصہ نہیں چاہتا۔
# draft
stage-getting_ready = تیاری ہو رہی ہے
    .hint = یہ کیسے کرنا ہے، اس کا منصوبہ بن رہا ہے۔
# draft
stage-doing = شروع کر دیا ہے
    .hint = میں نے تبدیلی لانا شروع کر دیا ہے۔
# draft
stage-keeping_going = اسے جاری رکھنا
    .hint = یہ کرتے ہوئے مجھے کچھ عرصہ ہو گیا ہے۔
# draft
stage-slipped_back = تھوڑا پیچھے چلے گئے
    .hint = حالات کچھ پیچھے چلے گئے۔ بدلنے کی کوشش میں زیادہ تر لوگوں کے ساتھ ایسا ہوتا ہے، اور آپ پھر سے شروع کر سکتے ہیں۔

## Sentence starters for saying something (change talk)

# draft
starter-desire = میری خواہش ہے کہ…
# draft
starter-ability = میرے لیے ممکن ہے کہ…
# draft
starter-reasons = یہ اہم ہے کیونکہ…
# draft
starter-need = مجھے ضرورت ہے کہ…
# draft
starter-commitment = میرا پکا ارادہ ہے کہ…
# draft
starter-activation = میں تیار ہوں کہ…
# draft
starter-taking_steps = اس ہفتے میں نے…

## Problems with an answer. Each must read exactly as the page's English check words it.

# draft
error-write-change = لکھیں کہ آپ کیا بدلنا چاہتے ہیں۔
# draft
error-write-say = لکھیں کہ آپ کیا کہنا چاہتے ہیں۔
# draft
error-write-team = لکھیں کہ آپ اپنی ٹیم کو کیا بتانا چاہتے ہیں۔
# draft
error-write-went-well = کوئی ایسی چیز لکھیں جو اچھی رہی۔
# draft
error-write-about-me = لکھیں کہ لوگوں کو آپ کے بارے میں کیا معلوم ہونا چاہیے۔
# draft
error-choose-stage = چنیں کہ آپ اس مقصد میں کہاں ہیں۔
# draft
error-choose-starter = چنیں کہ آپ کیسے شروع کرنا چاہتے ہیں، یا اپنے طریقے سے لکھنا چنیں۔
# draft
error-enter-now = آپ ابھی کہاں ہیں، اس کے لیے 0 سے 10 تک کوئی نمبر لکھیں۔
# draft
error-enter-want = آپ کہاں تک پہنچنا چاہتے ہیں، اس کے لیے 0 سے 10 تک کوئی نمبر لکھیں۔
# draft
error-range-now = آپ ابھی کہاں ہیں، یہ 0 سے 10 تک کا کوئی نمبر ہونا چاہیے۔
# draft
error-range-want = آپ کہاں تک پہنچنا چاہتے ہیں، یہ 0 سے 10 تک کا کوئی نمبر ہونا چاہیے۔
# draft
error-range-importance = یہ کتنا اہم ہے، یہ 0 سے 10 تک کا کوئی نمبر ہونا چاہیے۔
# draft
error-range-confidence = آپ کو کتنا یقین ہے، یہ 0 سے 10 تک کا کوئی نمبر ہونا چاہیے۔
# draft
error-whole-now = آپ ابھی کہاں ہیں، یہ 0 سے 10 تک کا پورا نمبر ہونا چاہیے، جیسے 4۔
# draft
error-whole-want = آپ کہاں تک پہنچنا چاہتے ہیں، یہ 0 سے 10 تک کا پورا نمبر ہونا چاہیے، جیسے 4۔
# draft
error-whole-importance = یہ کتنا اہم ہے، یہ 0 سے 10 تک کا پورا نمبر ہونا چاہیے، جیسے 4۔
# draft
error-whole-confidence = آپ کو کتنا یقین ہے، یہ 0 سے 10 تک کا پورا نمبر ہونا چاہیے، جیسے 4۔

## A goal's page: sharing and stages

# draft
goal-you-and-workers = یہ آپ اور آپ کے ورکر دیکھ سکتے ہیں۔
# draft
goal-share-workers = میرے ورکرز کو دکھائیں
# draft
goal-stop-sharing-workers = میرے ورکرز کو دکھانا بند کریں
# draft
goal-stop-sharing-with = { $name } کو دکھانا بند کریں
# draft
goal-share-someone = اپنے گھر کے کسی فرد کو دکھائیں
# draft
goal-share-who = آپ یہ مقصد کس کو دکھانا چاہتے ہیں؟
# draft
goal-share-choose = کسی کو چنیں
# draft
goal-share-them = انہیں دکھائیں
# draft
goal-also-shared = { $names } بھی یہ دیکھ سکتے ہیں۔
# draft
goal-stages = اب تک میں کہاں کہاں رہا
# draft
goal-stage-on = { $stage }، { $day } کو۔

## Dates, such as 3 December 2026

# draft
date = { $day } { $month } { $year }
# draft
month-1 = جنوری
# draft
month-2 = فروری
# draft
month-3 = مارچ
# draft
month-4 = اپریل
# draft
month-5 = مئی
# draft
month-6 = جون
# draft
month-7 = جولائی
# draft
month-8 = اگست
# draft
month-9 = ستمبر
# draft
month-10 = اکتوبر
# draft
month-11 = نومبر
# draft
month-12 = دسمبر

## A goal's progress

# draft
progress-heading = میری پیش رفت
# draft
progress-none = آپ نے ابھی اس مقصد پر چیک اِن نہیں کیا۔
# draft
progress-once = آپ نے ایک بار چیک اِن کیا: آپ 10 میں سے { $now } پر تھے اور { $want } پر ہونا چاہتے ہیں۔
# draft
progress-up = { $count } چیک اِن میں آپ اوپر گئے: 10 میں سے { $first } سے { $last } تک۔ آپ { $want } پر ہونا چاہتے ہیں۔
# draft
progress-down = { $count } چیک اِن میں آپ نیچے آئے: 10 میں سے { $first } سے { $last } تک۔ آپ { $want } پر ہونا چاہتے ہیں۔
# draft
progress-same = { $count } چیک اِن میں آپ وہیں رہے: 10 میں سے { $first } سے { $last } تک۔ آپ { $want } پر ہونا چاہتے ہیں۔
# draft
progress-shared = یہ آپ اور آپ کے ورکر دیکھ سکتے ہیں
# draft
progress-private = یہ صرف آپ دیکھ سکتے ہیں
# draft
progress-table = آپ کے چیک اِن
# draft
progress-date = تاریخ
# draft
progress-were = آپ کہاں تھے
# draft
progress-want = آپ کہاں ہونا چاہتے ہیں
# draft
progress-important = کتنا اہم
# draft
progress-sure = کتنا یقین

## Signing in and out

# draft
sign-in-title = سائن اِن
# draft
sign-in-lead = اپنے فون کا اسکرین لاک استعمال کریں، جیسے انگلی کا نشان، چہرہ یا PIN۔ پاس ورڈ کی ضرورت نہیں۔
# draft
sign-in-button = اسکرین لاک سے سائن اِن کریں
# draft
sign-in-first-time = پہلی بار سیٹ اپ
# draft
sign-in-have-code = میرے پاس ورکر کا دیا ہوا کوڈ ہے
# draft
signed-out-title = سائن آؤٹ ہو گیا
# draft
signed-out-heading = آپ سائن آؤٹ ہو گئے ہیں
# draft
sign-in-again = دوبارہ سائن اِن کریں
# draft
locked-title = لاک ہو گیا
# draft
locked-heading = یہ اسکرین خود لاک ہو گئی
# draft
locked-lead = کچھ دیر سے کسی نے اسے استعمال نہیں کیا، اس لیے یہ لاک ہو گئی تاکہ اس پر جو تھا وہ نجی رہے۔ جو کچھ محفوظ کیا گیا تھا وہ رکھا ہوا ہے۔
# draft
confirm-title = تصدیق کریں کہ یہ آپ ہیں
# draft
confirm-lead = یہ کرنے کے لیے دوبارہ اسکرین لاک استعمال کریں۔ اگر کوئی اور آپ کا کمپیوٹر استعمال کر رہا ہو تو اس سے لوگ محفوظ رہتے ہیں۔
# draft
confirm-button = اسکرین لاک سے تصدیق کریں

## Easy read

# draft
easy-read-legend = آسان پڑھائی
# draft
easy-read-hint =
    چھوٹے سوال۔
    جہاں مدد ملے وہاں تصویریں۔
# draft
easy-read-off = نہیں، عام سوال
# draft
easy-read-on = ہاں، آسان پڑھائی

## The count under a text box. `{ $n }` is a number the page fills in as people type.

# draft
count-limit = آپ زیادہ سے زیادہ { $n } حروف لکھ سکتے ہیں
# draft
count-left-one = باقی حروف: { $n }
# draft
count-left-many = باقی حروف: { $n }
# draft
count-over-one = زیادہ حروف: { $n }
# draft
count-over-many = زیادہ حروف: { $n }
