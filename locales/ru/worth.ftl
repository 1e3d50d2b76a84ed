# Чего стоит каждый путь для этой семьи (issue 12), на экране договора: поддержка по квоте в
# тенге за год (или в МРП, пока МРП года не опубликован) и что вместо этого требуют общие
# основания. Суммы приходят уже оформленными ($amount, $min, $max).

ui-worth-title = Что квота даёт вашей семье в { $year } году
ui-worth-family = Членов семьи, которые переезжают, по вашим ответам: { $members }
ui-worth-band = от { $min } до { $max }
ui-worth-up-to = до { $max }
ui-worth-mci = { $mci } МРП
ui-worth-monthly = { $amount } в месяц, { $months } мес.
ui-worth-per-member = по { $mci } МРП на каждого (членов семьи: { $members })
ui-worth-total = Всего: { $amount }
ui-worth-mci-value = 1 МРП в { $year } году = { $amount }
ui-worth-mci-not-published = МРП на { $year } год ещё не опубликован, поэтому суммы только в МРП.
ui-worth-band-note = Это диапазон: как выбирается сумма внутри него, не опубликовано.
ui-worth-source = Источник: { $source }
ui-worth-general-title = Что требуют общие основания
ui-worth-means-funds-kzt = Средства: { $amount } ({ $mci } МРП в { $year } году)
ui-worth-means-funds = Средства: { $mci } МРП (МРП на { $year } год ещё не опубликован)
ui-worth-means-housing = И деньги на { $m2 } м² жилья: по { $per } м² на каждого члена семьи от { $age } лет (учтено: { $count }). Цена за м² в источниках не указана.
ui-worth-means-housing-each = И деньги на { $per } м² жилья на каждого члена семьи от { $age } лет. Цена за м² в источниках не указана.
ui-worth-means-age-unknown = Членов семьи без даты рождения в ответах: { $count }. Укажите её, чтобы их учесть.
ui-worth-means-exempt = По вашим ответам вы этнический казах: эти средства показывать не нужно.
ui-worth-means-applies = По вашим ответам вы не этнический казах: эти средства нужно показать.
ui-worth-source-means = Закон о миграции населения, ст. 23; правила МВД на egov.kz
