## Urdu, translated from en/child.ftl. Urdu is written right to left; the page sets
## dir="rtl". Each message has its status in the comment above it: `# draft` until one
## of the council's translators has checked it, then `# reviewed`.
## The child is spoken to as آپ, in everyday words. Words that change with the child's
## gender (کرتا / کرتی, اکیلا / اکیلی) are avoided, since we do not know who is reading.

## Every child screen

# draft
child-nav = آپ کے صفحے
# draft
child-back-to-start = شروع پر واپس جائیں
# draft
child-give-back = ٹیبلیٹ { $name } کو واپس دیں
# draft
child-not-safe = میں محفوظ نہیں ہوں
# draft
child-lock = اسکرین بند کریں
# draft
child-try-again = آئیں، پھر سے کوشش کریں

## The start

# draft
child-title = آپ کی جگہ
# draft
child-hello = ہیلو { $name }
# draft
child-hello-teen = { $name } کی جگہ
# draft
child-intro = آپ کیا کرنا چاہتے ہیں؟ یہاں آپ جو بھی رکھیں، اسے صرف آپ دیکھ سکتے ہیں، جب تک آپ خود کسی کو نہ دکھائیں۔
# draft
child-intro-teen = اپنی باتیں اپنے الفاظ میں لکھیں۔ انہیں صرف آپ دیکھ سکتے ہیں، جب تک آپ خود کسی کو نہ دکھائیں۔
# draft
child-meeting-soon = آپ کی ٹیم { $day } کو ملے گی، اور بات کرے گی کہ حالات کیسے چل رہے ہیں۔ کیا کوئی بات ہے جو آپ انہیں بتانا چاہیں؟
# draft
child-decided-told = آپ کی ٹیم { $day } کو ملی تھی۔ انہوں نے آپ کے لیے لکھا ہے کہ کیا فیصلہ کیا۔
# draft
child-other-things = دوسری چیزیں
# draft
child-you-wrote = آپ نے یہ { $day } کو لکھا۔
# draft
child-showed-you = { $name } نے یہ { $day } کو آپ کو دکھایا۔

## The names of the child's tools

# draft
child-feelings = میرا حال
# draft
child-tell = جو بات میرے ورکر کو پتہ ہونی چاہیے
# draft
child-important = میرے لیے کون اہم ہے
# draft
child-good = کوئی چیز جو اچھی رہی
# draft
child-about = میرے بارے میں
# draft
child-meeting = میری ٹیم کی میٹنگ کے لیے
# draft
child-decided = میری ٹیم نے کیا فیصلہ کیا

## The Three Houses

# draft
child-houses-title = تین گھر
# draft
child-house-worries = پریشانیوں کا گھر
# draft
child-house-good-things = اچھی چیزوں کا گھر
# draft
child-house-dreams = خوابوں کا گھر
# draft
child-house-worries-question = آپ کو کس بات کی پریشانی ہے؟
# draft
child-house-good-things-question = آپ کی زندگی میں کیا اچھا ہے؟
# draft
child-house-dreams-question = آپ کی امیدیں اور خواب کیا ہیں؟
# draft
child-house-worries-in = پریشانیوں کے گھر میں
# draft
child-house-good-things-in = اچھی چیزوں کے گھر میں
# draft
child-house-dreams-in = خوابوں کے گھر میں
# draft
child-house-words = یا یہاں لکھیں (ضروری نہیں)
# draft
child-house-put = اسے میرے گھر میں رکھیں
# draft
child-house-empty = اس گھر میں ابھی کچھ نہیں ہے۔

## The pictures a child can choose

# draft
child-symbol-home = گھر
# draft
child-symbol-school = اسکول
# draft
child-symbol-family = گھر والے
# draft
child-symbol-friends = دوست
# draft
child-symbol-pet = پالتو جانور
# draft
child-symbol-food = کھانا
# draft
child-symbol-playing = کھیلنا
# draft
child-symbol-music = موسیقی
# draft
child-symbol-sport = کھیل کود
# draft
child-symbol-sleep = نیند
# draft
child-symbol-poorly = طبیعت خراب
# draft
child-symbol-shouting = چیخنا چلانا
# draft
child-symbol-alone = اکیلے رہنا
# draft
child-symbol-hugs = گلے لگنا
# draft
child-symbol-days-out = گھومنے جانا
# draft
child-symbol-safe = محفوظ ہونا

## How I feel: five faces

# draft
child-face-very-happy = بہت خوش
# draft
child-face-happy = خوش
# draft
child-face-okay = ٹھیک
# draft
child-face-sad = اداس
# draft
child-face-very-sad = بہت اداس
# draft
child-feel-legend = آج آپ کا حال کیسا ہے؟
# draft
child-feel-because = کیونکہ… (بتانا ضروری نہیں)
# draft
child-feel-save = میرا حال محفوظ کریں
# draft
child-feel-before = پہلے میرا حال کیسا تھا
# draft
child-nothing-yet = یہاں ابھی کچھ نہیں ہے۔

## Saying something in pictures and words

# draft
child-tell-legend = آپ اپنے ورکر کو کیا بتانا چاہتے ہیں؟
# draft
child-meeting-legend = کیا کوئی بات ہے جو آپ اپنی ٹیم کو بتانا چاہیں؟
# draft
child-good-legend = کیا اچھا رہا؟
# draft
child-about-legend = لوگوں کو آپ کے بارے میں کیا پتہ ہونا چاہیے؟
# draft
child-important-legend = آپ کے لیے کون اہم ہے؟
# draft
child-meeting-on = آپ کی ٹیم { $day } کو ملے گی، اور بات کرے گی کہ حالات کیسے چل رہے ہیں۔
# draft
child-meeting-none = ابھی آپ کی ٹیم کی کوئی میٹنگ طے نہیں ہے۔ آپ پھر بھی اپنے ورکر کو لکھ سکتے ہیں۔
# draft
child-write-here = یہاں لکھیں (ضروری نہیں)
# draft
child-save = محفوظ کریں
# draft
child-said-before = میں نے پہلے کیا کہا
# draft
child-decided-met = آپ کی ٹیم { $day } کو ملی تھی۔
# draft
child-decided-legend = آپ اس کے بارے میں کیا سوچتے ہیں؟
# draft
child-too-long = آپ کا جواب بہت لمبا ہے۔ اس میں { $max } حروف تک ہو سکتے ہیں۔ ابھی اس میں { $count } ہیں۔

## Who sees what the child made

# draft
child-written-on = { $day }۔
# draft
child-only-you = یہ صرف آپ دیکھ سکتے ہیں۔
# draft
child-showed-to = آپ نے یہ { $who } کو دکھایا۔
# draft
child-your-worker = اپنے ورکر
# draft
child-and = { $first } اور { $then }
# draft
child-show-worker = میرے ورکر کو دکھائیں
# draft
child-stop-worker = میرے ورکر کو دکھانا بند کریں
# draft
child-show-person = { $name } کو دکھائیں
# draft
child-stop-person = { $name } کو دکھانا بند کریں
# draft
child-show-someone = گھر میں کسی کو دکھائیں
# draft
child-show-title = کسی کو دکھائیں
# draft
child-show-who = آپ کس کو دکھانا چاہتے ہیں؟
# draft
child-show-everyone = جن کو آپ دکھا سکتے ہیں، وہ سب اسے پہلے سے دیکھ سکتے ہیں۔
# draft
child-show-nobody = کسی کو نہ دکھائیں
# draft
child-show-ask = کیا یہ { $name } کو دکھائیں؟
# draft
child-show-yes = ہاں، دکھائیں
# draft
child-show-no = نہیں

## I don't feel safe

# draft
child-help-title = مدد
# draft
child-safe-999 = اگر آپ ابھی خطرے میں ہیں تو 999 پر فون کریں۔
# draft
child-safe-childline = آپ Childline سے مفت بات کر سکتے ہیں، کسی بھی وقت، 0800 1111 پر۔
# draft
child-safe-hint = بٹن دبائیں، اور آپ کے ورکر کو فوراً بتا دیا جائے گا۔
# draft
child-safe-tell = میرے ورکر کو بتائیں کہ میں محفوظ نہیں ہوں
# draft
child-safe-told = آپ کے ورکر کو بتا دیا گیا ہے
# draft
child-safe-right = آپ نے بالکل ٹھیک کیا۔ آپ کے ورکر جتنی جلدی ہو سکے آپ سے رابطہ کریں گے۔

## Giving the tablet back to the practitioner, with their passkey

# draft
child-give-back-title = ٹیبلیٹ واپس دیں
# draft
child-give-back-thanks = شکریہ، { $name }۔ آپ نے جو محفوظ کیا، وہ سنبھال کر رکھا گیا ہے۔
# draft
child-give-back-passkey = { $name } آگے کام کرنے کے لیے اپنی پاس کی استعمال کریں گے۔
# draft
child-give-back-failed = یہ کام نہیں ہوا
# draft
child-give-back-button = { $name }: اپنی پاس کی استعمال کریں
# draft
child-give-back-no-script = پاس کی کے لیے اس براؤزر کی اسکرپٹس چاہییں۔ ٹیبلیٹ واپس لینے کے لیے "اس صفحے سے نکلیں" استعمال کریں، اور پھر سے سائن اِن کریں۔

## Problems on the children's screens

# draft
error-child-pictures = دکھائی گئی تصویروں میں سے چنیں۔
# draft
error-child-house = تین گھروں میں سے ایک چنیں۔
# draft
error-child-house-empty = اپنے گھر میں رکھنے کے لیے کوئی تصویر چنیں، یا کچھ لکھیں۔
# draft
error-child-face = وہ چہرہ چنیں جو آپ کے حال جیسا ہو۔
# draft
error-child-tell-empty = کوئی تصویر چنیں، یا لکھیں کہ آپ کے ورکر کو کیا پتہ ہونا چاہیے۔
# draft
error-child-important-empty = کوئی تصویر چنیں، یا لکھیں کہ آپ کے لیے کون اہم ہے۔
# draft
error-child-good-empty = کوئی تصویر چنیں، یا لکھیں کہ کیا اچھا رہا۔
# draft
error-child-about-empty = کوئی تصویر چنیں، یا اپنے بارے میں کچھ لکھیں۔
# draft
error-child-meeting-empty = کوئی تصویر چنیں، یا لکھیں کہ آپ کی ٹیم کو کیا پتہ ہونا چاہیے۔
# draft
error-child-plan-empty = کوئی تصویر چنیں، یا لکھیں کہ آپ اس پلان کے بارے میں کیا سوچتے ہیں۔
# draft
error-child-no-meeting = ابھی آپ کی ٹیم کی کوئی میٹنگ طے نہیں ہے، اس لیے یہ ابھی نہیں بھیجا جا سکتا۔ آپ نے جو لکھا، وہ رکھا ہوا ہے۔
# draft
error-child-out-of-date = یہ صفحہ پرانا ہو گیا ہے۔ واپس جائیں، صفحہ دوبارہ لوڈ کریں اور پھر کوشش کریں۔ کچھ بھی دو بار محفوظ نہیں ہوا۔
