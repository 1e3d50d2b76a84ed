# Важные даты (issue 12): сертификат KAZTEST, сертификат скрининга, конец договора кандаса,
# этап, который затянулся, и файлы для календаря, которые делает сам телефон.
# $date — дата в виде ДД.ММ.ГГГГ; $stage — название этапа; $days — число дней.

ui-deadlines-title = Важные даты
ui-deadlines-open = Важные даты
ui-deadlines-intro = По вашим ответам, заявлению и договору. Добавьте дату в календарь телефона: он напомнит за { $days } дней.
ui-deadlines-none = Дат пока нет. Они появятся, когда вы укажете дату KAZTEST, когда заявление продвинется или когда вы внесёте договор.
ui-deadlines-kaztest = Сертификат KAZTEST: последний день действия
ui-deadlines-kaztest-from = Тест сдан { $date }.
ui-deadlines-screening_certificate = Сертификат скрининга: последний день действия
ui-deadlines-screening_certificate-from = Решение от { $date }. Подайте на вид на жительство в ЦОН до этого дня.
ui-deadlines-contract_end = Договор кандаса заканчивается
ui-deadlines-contract_end-from = Подписан { $date }. С этого дня переезд ничего не стоит.
ui-deadlines-stage = { $stage }: обычно готово к
ui-deadlines-stage-from = Этап начался { $date }.
ui-deadlines-late = Этот этап идёт дольше обычного.
ui-deadlines-past = Этот день уже прошёл.
ui-deadlines-uncertain = Уточните эту дату в службе.
ui-deadlines-source = Источник: { $source }
ui-deadlines-source-kaztest = Общие правила KAZTEST (orda.kz); для пилота 2026 года не подтверждено
ui-deadlines-source-checks = acsour.kz, 18 мая 2026: проверки в течение 20 рабочих дней
ui-deadlines-add = Добавить в календарь
ui-deadlines-add-all = Добавить все даты в календарь
# Напоминание в календаре: $what — название даты.
ui-deadlines-reminder = { $what }: { $date }
ui-deadlines-calendar-name = Kosh: важные даты
error-file = Не удалось сохранить файл календаря на этом телефоне. Попробуйте ещё раз.
