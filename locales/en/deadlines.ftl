# Dates not to miss (issue 12): the KAZTEST certificate, the screening certificate, the end of
# the kandas contract, a stage running late, and the calendar files made on the phone.
# $date is written DD.MM.YYYY; $stage is a stage's name; $days, a number of days.

ui-deadlines-title = Dates not to miss
ui-deadlines-open = Dates not to miss
ui-deadlines-intro = From your answers, your application and your contract. Add a date to your phone's calendar: it reminds you { $days } days before.
ui-deadlines-none = No dates yet. They appear when you enter the date of your KAZTEST, when your application moves on, or when you enter your contract.
ui-deadlines-kaztest = KAZTEST certificate: last valid day
ui-deadlines-kaztest-from = Test taken on { $date }.
ui-deadlines-screening_certificate = Screening certificate: last valid day
ui-deadlines-screening_certificate-from = Decision of { $date }. Apply for the residence permit at a public service centre before this day.
ui-deadlines-contract_end = Kandas contract ends
ui-deadlines-contract_end-from = Signed on { $date }. From this day, moving away costs nothing.
ui-deadlines-stage = { $stage }: usually done by
ui-deadlines-stage-from = This stage began on { $date }.
ui-deadlines-late = This stage is taking longer than usual.
ui-deadlines-past = This day has passed.
ui-deadlines-uncertain = Check this date with the service.
ui-deadlines-source = Source: { $source }
ui-deadlines-source-kaztest = General KAZTEST rules (orda.kz); not confirmed for the 2026 pilot
ui-deadlines-source-checks = acsour.kz, 18 May 2026: checks within 20 working days
ui-deadlines-add = Add to calendar
ui-deadlines-add-all = Add all dates to calendar
# The reminder the calendar shows: $what is the date's title.
ui-deadlines-reminder = { $what }: { $date }
ui-deadlines-calendar-name = Kosh: dates not to miss
error-file = The calendar file could not be saved on this phone. Try again.
