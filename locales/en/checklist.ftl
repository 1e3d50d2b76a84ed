# Drafted without a native speaker: needs review by a native English speaker before release.
# English. The checklist screen (the papers the answers call for, with ticks) and the summary to
# carry (the answers, the papers and the self-check, printed in Kazakh and Russian).

## The checklist screen

checklist-title = Papers to bring
checklist-intro = This list follows from your answers. Tick each paper when you have it ready.
checklist-missing = { $missing } of { $total } { $total ->
        [one] paper
       *[other] papers
    } not ready yet
checklist-all-ready = Every paper on the list is ready.
checklist-for-you = You
checklist-for-family = The whole family, once
checklist-member = { $relation }: { $name }
checklist-member-unnamed = Family member { $number }
checklist-path = Asked for: { $path }
checklist-where = Hand it in: { $place }
checklist-uncertain = No legal text settles this: ask at the office before you go
checklist-issued-on = Date it was issued
checklist-usable-until = You can hand it in until { $date }
checklist-too-old-by-visit = It will be older than { $days } { $days ->
        [one] day
       *[other] days
    } on the day you hand it in: get a new one closer to that day
checklist-visit-title = The day you hand in the papers
checklist-visit-hint = Papers with an age limit are checked against this day. It is kept on this phone only.
checklist-open = Papers to bring

## The summary to carry

summary-title = Summary of the application
summary-made-on = Made on { $date }
summary-print = Print or save as PDF
summary-print-hint = On a phone, choose "Save as PDF" in the print window, then share the file.
summary-share = Share as a PDF file
summary-share-hint = Makes a PDF file of this summary to send in a messenger or by e-mail, or to print somewhere else. It needs a connection and an account.
summary-share-working = Making the PDF file…
summary-share-saved = The PDF file kosh-summary.pdf is in your downloads.
summary-share-offline = Making the PDF file needs a connection. Printing works without one.
summary-share-signed-out = Making the PDF file needs an account: sign in under Settings.
summary-share-failed = The PDF file could not be made. Try again, or print instead.
summary-answers = Answers
summary-papers = Papers
summary-paper-ready = ready
summary-paper-missing = not ready
summary-score = Preliminary self-check
summary-open = Summary to print
