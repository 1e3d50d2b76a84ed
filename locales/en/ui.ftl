# Drafted without a native speaker: needs review by a native English speaker before release.
# English. Same keys as the Russian reference (ru/ui.ftl).
# Short, plain sentences; everyday words.
# Keys: ui-<screen>-<thing>. Variables ($days, $date …) come from the app: dates are already
# formatted (ui-format-date), and so are amounts (ui-format-tenge).

## Common

ui-app-name = Kosh
ui-yes = Yes
ui-no = No
ui-next = Next
ui-back = Back
ui-save = Save
ui-cancel = Cancel
ui-close = Close
ui-continue = Continue
ui-retry = Try again
ui-edit = Change
ui-add = Add
ui-remove = Remove
ui-done = Done
ui-loading = Loading…
ui-choose = Choose
ui-search = Search
ui-nothing-found = Nothing found. Try another word.
ui-required = Required
ui-optional = You can leave this empty
ui-error-title = Something went wrong
ui-error-try-again = Something went wrong. Please try again.

## Formats. The app fills in the numbers; the language decides the order and the signs.

# Day of the month, month (1–12) and year.
ui-format-date =
    { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }
# An amount in tenge. $amount already has its thousands separators.
ui-format-tenge = { $amount }{"\u00A0"}₸
# The sign between groups of three digits: 1,275,875.
ui-format-thousands-separator = ,

## Bottom menu

ui-nav-home = Home
ui-nav-form = Form
ui-nav-status = Application
ui-nav-contract = Contract
ui-nav-settings = Settings

## First run: choose a language

ui-language-title = Choose your language
ui-language-hint = You can change it later in Settings.
ui-language-kazakh-script = Kazakh: which letters?
ui-language-script-cyrillic = Cyrillic (Қазақша)
ui-language-script-latin = Latin (Qazaqşa)
ui-language-script-arabic = Arabic script (قازاقشا)
ui-language-unavailable = This language could not be loaded. Connect to the internet and try again.

## Welcome

ui-welcome-title = Welcome
ui-welcome-text = Kosh helps you fill in the form for permanent residence in Kazakhstan. You will see how your application is going.
ui-welcome-offline = You do not always need the internet. Your answers are saved on your phone.
ui-welcome-start = Start the form
ui-welcome-have-account = I already have an account

## Sign up and log in

ui-auth-register-title = Create an account
ui-auth-register-text = With an account, your answers are also kept on the server. You can open them on another phone.
ui-auth-login-title = Log in
ui-auth-email = Email
ui-auth-email-hint = For example: aigul@mail.kz
ui-auth-password = Password
ui-auth-password-hint = At least 10 characters.
ui-auth-password-show = Show password
ui-auth-password-hide = Hide password
ui-auth-register-button = Create account
ui-auth-login-button = Log in
ui-auth-to-login = Have an account? Log in
ui-auth-to-register = No account? Create one
ui-auth-later = Later. I will fill in the form first
ui-auth-offline = No internet. You can fill in the form now. Create the account later.
ui-auth-no-sms = We do not send text messages. You do not need an SMS code.
ui-auth-working = Please wait…

## Home

ui-home-title = Home
ui-home-application-title = Your application
ui-home-application-none = You have not sent an application yet.
# $stage is a stage name (stage-…), $outcome an outcome (outcome-…).
ui-home-application-stage = Stage: { $stage }. { $outcome }.
ui-home-application-open = More about the application
ui-home-draft-title = Form
# How many sections of the form are filled in.
ui-home-draft-progress =
    { $done } of { $total } { $total ->
        [one] section
       *[other] sections
    } filled in
ui-home-draft-start = Start the form
ui-home-draft-continue = Continue the form
ui-home-draft-complete = All sections are filled in. Check them and send.
ui-home-draft-sent = The form has been sent.
ui-home-contract-title = Kandas contract
ui-home-contract-none = If you signed a social contract, add it. We will remind you of the dates.
ui-home-contract-add = Add the contract
ui-home-contract-days-left =
    { $days ->
        [one] { $days } day
       *[other] { $days } days
    } left until the contract ends.
ui-home-contract-ended = The contract period is over.
ui-home-contract-open = More about the contract
ui-home-score-open = Check your preliminary points

## Sync: the line at the top

ui-sync-saved-local = Saved on this phone
ui-sync-syncing = Sending…
ui-sync-synced = Saved on the server
ui-sync-offline = No internet. Your answers are saved on this phone.
ui-sync-failed = Could not send. We will try again by ourselves.
# $time is a date and time.
ui-sync-last = Last sent: { $time }
ui-sync-pending =
    Waiting to be sent: { $count } { $count ->
        [one] change
       *[other] changes
    }
ui-sync-changed-elsewhere = Changed on another device
# Shown on the phone whose answer won a conflict; the other device's answer follows.
ui-sync-replaced-elsewhere = Another device's answer was replaced by this one
# $value is the answer this phone had.
ui-sync-your-value = This phone had: { $value }

## The form

ui-form-title = Form
# The section's number and how many there are.
ui-form-progress = Section { $current } of { $total }
ui-form-next = Next
ui-form-back = Back
ui-form-to-review = Check the answers
ui-form-saved = Saved
ui-form-required = Required question
ui-form-example = For example: { $example }
# A date is entered in three boxes: day, month (chosen from the months by name) and year.
ui-date-day = Day
ui-date-month = Month
ui-date-year = Year
ui-date-month-name =
    { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    }
ui-form-choose = Choose an answer
ui-form-search-country = Find a country
ui-form-search-region = Find a region
ui-form-date-day = Day
ui-form-date-month = Month
ui-form-date-year = Year
ui-form-repeat-add = Add another
ui-form-repeat-remove = Remove this entry
# An entry's number in a list: family member No. 2, job No. 3.
ui-form-repeat-item = No. { $number }
ui-form-repeat-empty = Nothing added yet.
ui-form-section-errors =
    { $count ->
        [one] { $count } answer in this section needs fixing.
       *[other] { $count } answers in this section need fixing.
    }
ui-form-updated =
    The form was updated. Your answers are kept. { $count ->
        [one] { $count } answer is no longer needed.
       *[other] { $count } answers are no longer needed.
    }

## Check and send

ui-review-title = Check your answers
ui-review-intro = Look at your answers. If something is wrong, tap “Change”.
ui-review-missing-title = Not filled in yet
ui-review-missing-count =
    { $count ->
        [one] { $count } answer is missing
       *[other] { $count } answers are missing
    }
ui-review-go-to = Fill in
ui-review-all-done = Everything is filled in. You can send it.
ui-review-no-answer = No answer
ui-review-submit = Send the form
ui-review-submit-confirm = Send the form? After sending, you cannot change the answers.
ui-review-submit-offline = You need the internet to send. Your answers are saved. Send when you are online.
ui-review-submit-need-account = To send the form, log in or create an account.
ui-review-submitting = Sending the form…
ui-review-submitted = The form has been sent. Follow your application on the “Application” screen.

## Preliminary points

ui-score-title = Preliminary self-check
ui-score-total =
    You have { $points } { $points ->
        [one] point
       *[other] points
    }
ui-score-pass-mark =
    You need at least { $points } { $points ->
        [one] point
       *[other] points
    }
ui-score-above = This is above the pass mark.
ui-score-below =
    { $missing } { $missing ->
        [one] point
       *[other] points
    } short.
# Points for one item: “40 of 100”.
ui-score-criterion = { $points } of { $max }
ui-score-raise-title = What can raise your points
ui-score-not-published = The official points table is not published. So Kosh shows no points and no result. Below is what is scored and how your answers stand.
# The pass mark, a reported fact even while the points table is not published.
ui-score-pass-mark-fact = The pass mark is { $points } points, as reported from the joint order of 30 January 2026.
# How the person's answers stand on one criterion, said without points.
ui-score-standing-helps = helps
ui-score-standing-improve = could be better
ui-score-standing-unanswered = no answer yet
ui-score-standing-none = adds nothing

## Application status

ui-status-title = Your application
ui-status-none = No application yet. First fill in and send the form.
ui-status-submitted-on = Sent on { $date }
ui-status-current = Now
ui-status-done = Done
ui-status-waiting = Coming
ui-status-usual-duration =
    Usually takes up to { $days } { $days ->
        [one] day
       *[other] days
    }
ui-status-usual-working-days =
    Usually takes up to { $days } working { $days ->
        [one] day
       *[other] days
    }
ui-status-estimate = our estimate
# A stage the applicant reported from an official notice, not yet confirmed.
ui-status-source-applicant = You reported this. An officer has not confirmed it.
ui-status-valid-for =
    The certificate is valid for { $days } { $days ->
        [one] day
       *[other] days
    }
ui-status-expected-by = Expected by { $date }
ui-status-overdue = This stage is taking longer than usual.
ui-status-overdue-days =
    { $days } { $days ->
        [one] day
       *[other] days
    } longer than usual.
ui-status-overdue-hint = This happens. If there is no news for a long time, contact the migration service.
ui-status-next-title = What comes next
ui-status-note = Note: { $note }
# $days is the whole procedure's term from the policy.
ui-status-whole-procedure =
    The whole procedure usually takes up to { $days } { $days ->
        [one] day
       *[other] days
    }.

## Kandas contract

ui-contract-title = Social contract
ui-contract-none = No contract yet. If you signed one, add its details.
ui-contract-add = Add the contract
ui-contract-region = Region
ui-contract-settlement = Town or village
ui-contract-signed-on = Date signed
ui-contract-family-members = How many people in the family under the contract
ui-contract-term =
    Term: { $years } { $years ->
        [one] year
       *[other] years
    }
ui-contract-ends-on = The contract ends on { $date }
ui-contract-days-left =
    { $days ->
        [one] { $days } day left
       *[other] { $days } days left
    }
ui-contract-days-served =
    Lived in the region: { $days } { $days ->
        [one] day
       *[other] days
    }
ui-contract-ended = The five years are over. Moving now costs nothing.
ui-contract-verified = Checked by an officer
ui-contract-not-verified = Entered by you. An officer has not checked it yet.
ui-contract-save = Save the contract

## Contract: support received

ui-contract-support-title = Support received
ui-contract-support-none = Nothing entered yet.
ui-contract-support-add = Add a payment
ui-contract-support-kind = Kind of support
ui-contract-support-amount = Amount in tenge
ui-contract-support-date = Date received
ui-contract-support-total = Total received: { $amount }

## Contract: “what if we move?”

ui-whatif-title = What if we move?
ui-whatif-date = Date of moving
ui-whatif-check = Check
# $date is the moving date, $amount all the support received.
ui-whatif-risk-high = If you leave the region on { $date }, you may have to pay back all the support you received: { $amount }.
ui-whatif-risk-none = If you leave the region on { $date }, you do not have to pay anything back.
ui-whatif-free-from = From { $date } you can move without paying anything back.
ui-whatif-source = Source: { $basis }

## The other path: general grounds

ui-general-title = The other path: general grounds
ui-general-text = You can get a residence permit without the kandas quota.
ui-general-no-quota = No quota needed.
ui-general-no-support = No money from the state.
ui-general-any-region = You can live in any region.
ui-general-screening = The preliminary screening applies on this path too.
ui-general-funds = Foreigners show funds of { $mci } MCI plus money for { $m2 } m² of housing for each family member aged { $age } or over.
ui-general-funds-tenge = { $mci } MCI is { $amount } in { $year }.
ui-general-funds-exempt = Ethnic Kazakhs do not need to show these funds.
ui-general-compare-contract = With the contract
ui-general-compare-general = On general grounds

## Settings

ui-settings-title = Settings
ui-settings-language = Language
ui-settings-script = Kazakh letters
ui-settings-script-cyrillic = Cyrillic
ui-settings-script-latin = Latin
ui-settings-text-size = Text size
ui-settings-text-normal = Normal
ui-settings-text-large = Large
ui-settings-text-largest = Very large
ui-settings-account = Account
ui-settings-signed-in = You are logged in as { $email }
ui-settings-not-signed-in = You are not logged in. Your answers are only on this phone.
ui-settings-sign-in = Log in or create an account
ui-settings-sync = Sync
ui-settings-sync-now = Send now
ui-settings-sign-out = Log out
ui-settings-sign-out-confirm = Log out? Answers not yet sent stay on this phone.
ui-settings-version = Version { $version }

## Rules that change by year: policy bundles and questionnaire versions from the server

# $date is the last day the rules shown were in force.
ui-rules-not-published = The rules for this year are not published yet. Kosh shows the rules that were in force until { $date }. Amounts and quotas may change.
ui-rules-not-received = This phone has not received this year's rules yet. Kosh shows the rules that were in force until { $date }. Connect to the internet to get the new ones.
ui-rules-damaged = The rules saved on this phone were damaged. Kosh uses the rules built into the app until it connects to the internet. Your answers are safe.
ui-rules-changed-title = The rules have changed
# $year is a year, $amount one MCI in tenge.
ui-rules-changed-mci = The MCI for { $year } is published: { $amount }. Support amounts for { $year } follow from it.
# $name is a kind of support, $amount its new amount in words.
ui-rules-changed-support = { $name }. New amount: { $amount }
ui-rules-changed-support-plain = { $name }: the rules of this support have changed.
ui-rules-changed-support-removed = { $name }: this support is no longer in the rules.
ui-rules-changed-quotas = The regional quotas for { $year } have changed.
# $region is a region's name, $people the quota.
ui-rules-changed-quota =
    { $region }: the quota for { $year } is { $people } { $people ->
        [one] person
       *[other] people
    }.
ui-rules-changed-quota-unpublished = { $region }: the quota for { $year } is not published yet.
ui-rules-changed-regions = The list of regions for resettlement has changed.
ui-rules-changed-stages = The usual time of the application stages has changed.
ui-rules-changed-scoring = The points table or the pass mark has changed.
ui-rules-changed-contract = The rules of the social contract have changed.
ui-rules-changed-ok = Understood
ui-support-title = Support in tenge
ui-support-intro = Support is set in MCI (the monthly calculation index). The MCI changes every year, so the amounts in tenge change too.
# $year is a year, $amount the amount in words.
ui-support-year = { $year }: { $amount }
ui-support-not-published = { $year }: not published yet.
ui-support-last-published = In { $year } it was: { $amount }
ui-move-title = A new version of the questionnaire
ui-move-text = Your answers can move to the new version. This is what will happen:
ui-move-kept =
    { $count } { $count ->
        [one] answer moves
       *[other] answers move
    } as they are.
# $question is the question's name in the new version.
ui-move-renamed = Moves to a renamed question: { $question }
ui-move-left-title = These answers will not move:
ui-move-left-gone = This question is no longer asked.
# $problem says what is wrong with the answer.
ui-move-left-invalid = This answer does not fit the new rules: { $problem }
ui-move-old-expired = The old version is no longer accepted. Move your answers to send the form.
ui-move-button = Move my answers
ui-moved-title = Answers that did not move
ui-moved-text = Your answers are now in the new version of the questionnaire. These answers did not move. Write them down if you need them.
ui-moved-dismiss = I have read this
ui-form-version-missing = This phone does not have the version of the questionnaire your answers use yet. Connect to the internet, and Kosh will get it.
