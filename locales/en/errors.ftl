# Drafted without a native speaker: needs review by a native English speaker before release.
# English. Server errors (error-<code>) and answer checks (validation-<code>).
# A person reads these under a question or on a screen: what happened and what to do, no jargon.

## Server errors: codes of kosh_shared::api::ERROR_CODES

error-bad_request = The app sent something wrong. Update the app and try again.
error-unauthorized = Please log in again.
error-forbidden = You do not have access to this.
error-not_found = Nothing found. It may have been deleted.
error-method_not_allowed = This cannot be done. Update the app.
error-conflict = This information has changed. Refresh the screen and try again.
error-payload_too_large = Too much data at once. Try again.
error-unsupported_media_type = The app sent data in the wrong form. Update the app.
error-request_timeout = The server took too long to answer. Try again.
error-rate_limited = Too many tries. Wait a little and try again.
error-internal = The server has a problem. Your answers are saved on your phone. Try later.
error-invalid_email = Check the email address. Example: aigul@mail.kz
error-weak_password = The password is too short. It needs at least 10 characters.
error-email_taken = This email is already used. Log in to your account.
error-invalid_credentials = Wrong email or password.
error-token_reused = To keep you safe, we logged you out. Please log in again.
error-too_many_ops = Too many changes at once. The app will send them in parts.
error-validation_failed = The form has mistakes. Fix them and send again.
error-invalid_transition = This stage of the application cannot be changed now.
error-unknown_region = This region is not on the list. Choose a region from the list.
error-unknown_form = There is no such form. Update the app.
error-invalid_hlc = The phone's clock shows a strange time. Check the date and time.
error-invalid_date = Wrong date. Check the day, month and year.
error-uri_too_long = The app sent an address that is too long. Update the app.
error-headers_too_large = The app sent too much at once. Update the app and try again.
error-server_busy = The server is busy. Your answers are saved on your phone. The app will try again soon.
error-storage_full = The server cannot save right now. Your answers are saved on your phone. The app will try again later.
error-invalid_policy = The rules were not accepted: they have mistakes. Nothing was published.
error-invalid_form = The questionnaire was not accepted: it has mistakes. Nothing was published.
error-version_exists = This version of the questionnaire is already published with other content. Publish it as a new version.
error-hash_mismatch = The photo did not arrive whole. We will send it again.
error-quota_exceeded = There is no more room for your photos on the server. Delete some photos and try again.
error-bad_range = The photo upload got out of step. We will continue it by ourselves.

## Errors on the phone (no server code)

error-unknown = Something went wrong. Try again.
error-offline = No internet. Your answers are saved on your phone.
error-server-unreachable = The server does not answer. We will try again by ourselves.
error-storage-damaged = The data saved on your phone was damaged. We put it aside and started again.

## Answer checks: codes of kosh_shared::validate::CODES

validation-required = Please answer this question.
validation-wrong_type = This answer does not fit. Try again.
validation-below_min = The number is too small.
validation-above_max = The number is too big.
validation-not_integer = Enter a whole number, without a comma or point.
validation-too_short = Too short. Write more.
validation-too_long = Too long. Write less.
validation-invalid_date = Wrong date. Check the day, month and year.
validation-date_too_early = The date is too early.
validation-date_too_late = The date is too late. It cannot be after today.
validation-invalid_option = Choose an answer from the list.
validation-duplicate_option = This answer is already chosen.
validation-exclusive_option = This answer cannot be chosen together with others. Keep only one.
validation-too_few_items = Add at least one entry.
validation-too_many_items = Too many entries.
validation-invalid_email = Check the email address. Example: aigul@mail.kz
validation-invalid_phone = Check the phone number. Start with the country code, for example +998.
validation-invalid_country = Choose a country from the list.
validation-invalid_region = Choose a region from the list.
validation-unknown_question = This question is not in the form. Update the app.
validation-check_failed = This answer does not match your other answers. Check them.
validation-end_before_start = The end date is before the start date.
validation-more_years_than_age = Your years of work cannot be more than your age.
validation-kaztest_below_pass = Below 30%. To pass KAZTEST you need at least 30% in each part.
