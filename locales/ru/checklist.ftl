# Написано без носителя языка: перед выпуском нужна вычитка носителем русского языка.
# Экран списка документов (что требуют ответы, с отметками) и сводка с собой (ответы, документы
# и самопроверка, печатаются на казахском и русском).

## Экран списка документов

checklist-title = Какие документы взять
checklist-intro = Список составлен по вашим ответам. Отметьте документ, когда он готов.
checklist-missing = Не готово: { $missing } из { $total } { $total ->
        [one] документа
        [few] документов
        [many] документов
       *[other] документа
    }
checklist-all-ready = Все документы из списка готовы.
checklist-for-you = Вы
checklist-for-family = Вся семья, один раз
checklist-member = { $relation }: { $name }
checklist-member-unnamed = Член семьи { $number }
checklist-path = Требуется для: { $path }
checklist-where = Куда сдать: { $place }
checklist-uncertain = Это не закреплено в законе: уточните в учреждении до визита
checklist-issued-on = Дата выдачи
checklist-usable-until = Можно сдать до { $date }
checklist-too-old-by-visit = В день подачи ему будет больше { $days } { $days ->
        [one] дня
        [few] дней
        [many] дней
       *[other] дней
    }: получите новый ближе к этому дню
checklist-visit-title = День подачи документов
checklist-visit-hint = Сроки документов проверяются по этому дню. Он хранится только на этом телефоне.
checklist-open = Какие документы взять

## Сводка с собой

summary-title = Сводка заявления
summary-made-on = Составлено { $date }
summary-print = Печать или сохранение в PDF
summary-print-hint = На телефоне выберите «Сохранить как PDF» в окне печати, затем отправьте файл.
summary-share = Отправить файлом PDF
summary-share-hint = Делает из этой сводки файл PDF, который можно отправить в мессенджере или по электронной почте или распечатать в другом месте. Нужны связь и учётная запись.
summary-share-working = Файл PDF готовится…
summary-share-saved = Файл kosh-summary.pdf — в ваших загрузках.
summary-share-offline = Чтобы сделать файл PDF, нужна связь. Печать работает и без неё.
summary-share-signed-out = Чтобы сделать файл PDF, нужна учётная запись: войдите в разделе «Настройки».
summary-share-failed = Файл PDF не получилось сделать. Попробуйте ещё раз или распечатайте.
summary-answers = Ответы
summary-papers = Документы
summary-paper-ready = готов
summary-paper-missing = не готов
summary-score = Предварительная самопроверка
summary-open = Сводка для печати
