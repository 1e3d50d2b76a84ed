# The applicant's own reports of official notices, and the enquiry when a stage runs late.

## Reporting a notice from the status screen

reports-title = Did you get a message?
reports-intro = Did an SMS, the migration portal or a letter tell you how this stage ended? Tap what it said.
reports-date-label = Date of the message
reports-confirm = Save
reports-saved = Saved on this phone. It is sent to Kosh when there is internet.
reports-error-no-date = Enter the whole date of the message: day, month and year.
reports-error-before-submission = The message cannot be older than your application.

## Who said it, on every stage of the timeline

reports-mark-confirmed = Confirmed by the migration service.
reports-mark-kosh = Recorded by Kosh.
reports-mark-pending = You reported this. Not sent yet: it is kept on this phone.

## A report Kosh did not accept

reports-refused-title = Kosh did not accept this report
# $stage is a stage name, $outcome an outcome, $date the message's date.
reports-refused-what = You reported: { $stage }, { $outcome }, { $date }.
reports-fix = Change
reports-drop = Remove

## The enquiry when a stage runs late

reports-enquiry-title = Ask why it is taking long
reports-enquiry-intro = Send this text on the e-Otinish portal (eotinish.kz), or show it at a public service centre. It is written in Kazakh and in Russian.
reports-enquiry-own = What the text says:
reports-enquiry-copy = Copy the text
reports-enquiry-copied = Copied. Paste it into your message.
reports-enquiry-copy-failed = Could not copy. Press and hold the text to copy it.
reports-enquiry-share = Send…
# The enquiry itself. $id is the application's number, $submitted the day it was sent,
# $stage the late stage's name, $since the day it began, $due the day it should have ended;
# dates are DD.MM.YYYY.
reports-enquiry = Hello. On { $submitted } I sent the questionnaire for the preliminary screening for a permanent residence permit (application number: { $id }). The stage “{ $stage }” began on { $since } and should have ended by { $due }, but I have no answer yet. Please tell me at which stage my application is and when I can expect a decision.
