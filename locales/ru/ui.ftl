# Написано без носителя языка: перед выпуском нужна вычитка носителем русского языка.
# Русский: эталонный язык Kosh. Другие языки переводят с этого файла и с английского.
# Пишем коротко и просто: одна мысль в предложении, обычные слова, обращение на «вы».
# Ключи: ui-<экран>-<что>. Переменные ($days, $date …) приходят из приложения:
# даты уже отформатированы (ui-format-date), суммы тоже (ui-format-tenge).

## Общее

ui-app-name = Көш
ui-yes = Да
ui-no = Нет
ui-next = Дальше
ui-back = Назад
ui-save = Сохранить
ui-cancel = Отмена
ui-close = Закрыть
ui-continue = Продолжить
ui-retry = Попробовать ещё раз
ui-edit = Изменить
ui-add = Добавить
ui-remove = Удалить
ui-done = Готово
ui-loading = Загрузка…
ui-choose = Выберите
ui-search = Поиск
ui-nothing-found = Ничего не найдено. Попробуйте другое слово.
ui-required = Обязательно
ui-optional = Можно не заполнять
ui-error-title = Что-то пошло не так
ui-error-try-again = Что-то пошло не так. Попробуйте ещё раз.

## Форматы. Приложение подставляет сюда числа; порядок слов и знаки задаёт язык.

# Число месяца, месяц (1–12) и год.
ui-format-date =
    { $day } { $month ->
        [1] января
        [2] февраля
        [3] марта
        [4] апреля
        [5] мая
        [6] июня
        [7] июля
        [8] августа
        [9] сентября
        [10] октября
        [11] ноября
       *[12] декабря
    } { $year }
# Сумма в тенге. $amount уже с пробелами между разрядами.
ui-format-tenge = { $amount }{"\u00A0"}₸
# Знак между разрядами числа: 1 275 875 (неразрывный пробел).
ui-format-thousands-separator = {"\u00A0"}

## Нижнее меню

ui-nav-home = Главная
ui-nav-form = Анкета
ui-nav-status = Заявка
ui-nav-contract = Договор
ui-nav-settings = Настройки

## Первый запуск: выбор языка

ui-language-title = Выберите язык
ui-language-hint = Язык можно поменять потом в настройках.
ui-language-kazakh-script = Казахский язык: какими буквами писать?
# Образцы «Қазақша» и «Qazaqşa» показывают сами буквы. В kk/ пишите Cyrillic-образец строкой
# в скобках: {"Қазақша"}. Латинский казахский делается из kk/ автоматически и не трогает
# строки в фигурных скобках, поэтому образец останется кириллицей.
ui-language-script-cyrillic = Кириллица (Қазақша)
ui-language-script-latin = Латиница (Qazaqşa)
ui-language-script-arabic = Арабское письмо, тете жазу (قازاقشا)
ui-language-unavailable = Не удалось загрузить этот язык. Подключитесь к интернету и попробуйте ещё раз.

## Приветствие

ui-welcome-title = Добро пожаловать
ui-welcome-text = Kosh поможет заполнить анкету на постоянное проживание в Казахстане. Вы увидите, как идёт ваша заявка.
ui-welcome-offline = Интернет нужен не всегда. Ответы сохраняются на телефоне.
ui-welcome-start = Начать анкету
ui-welcome-have-account = У меня уже есть аккаунт

## Вход и регистрация

ui-auth-register-title = Создайте аккаунт
ui-auth-register-text = С аккаунтом ваши ответы сохранятся на сервере. Их можно открыть на другом телефоне.
ui-auth-login-title = Вход
ui-auth-email = Электронная почта
ui-auth-email-hint = Например: aigul@mail.kz
ui-auth-password = Пароль
ui-auth-password-hint = Не меньше 10 знаков.
ui-auth-password-show = Показать пароль
ui-auth-password-hide = Скрыть пароль
ui-auth-register-button = Создать аккаунт
ui-auth-login-button = Войти
ui-auth-to-login = Уже есть аккаунт? Войти
ui-auth-to-register = Нет аккаунта? Создать
ui-auth-later = Позже. Сначала заполню анкету
ui-auth-offline = Нет интернета. Анкету можно заполнять сейчас. Аккаунт создадите потом.
ui-auth-no-sms = Мы не отправляем СМС. Код из СМС не нужен.
ui-auth-working = Подождите…

## Главная

ui-home-title = Главная
ui-home-application-title = Ваша заявка
ui-home-application-none = Вы ещё не отправили заявку.
# $stage — название этапа (stage-…), $outcome — итог (outcome-…).
ui-home-application-stage = Этап: { $stage }. { $outcome }.
ui-home-application-open = Подробнее о заявке
ui-home-draft-title = Анкета
# Сколько разделов анкеты заполнено.
ui-home-draft-progress =
    Заполнено { $done } из { $total } { $total ->
        [one] раздела
        [few] разделов
        [many] разделов
       *[other] раздела
    }
ui-home-draft-start = Начать анкету
ui-home-draft-continue = Продолжить анкету
ui-home-draft-complete = Все разделы заполнены. Проверьте и отправьте.
ui-home-draft-sent = Анкета отправлена.
ui-home-contract-title = Договор кандаса
ui-home-contract-none = Если вы подписали социальный договор, добавьте его. Мы напомним о сроках.
ui-home-contract-add = Добавить договор
ui-home-contract-days-left =
    До конца договора { $days ->
        [one] остался { $days } день
        [few] осталось { $days } дня
        [many] осталось { $days } дней
       *[other] осталось { $days } дня
    }.
ui-home-contract-ended = Срок договора закончился.
ui-home-contract-open = Подробнее о договоре
ui-home-score-open = Проверить предварительные баллы

## Синхронизация: строка в шапке

ui-sync-saved-local = Сохранено на этом телефоне
ui-sync-syncing = Отправляем…
ui-sync-synced = Сохранено на сервере
ui-sync-offline = Нет интернета. Ответы сохранены на телефоне.
ui-sync-failed = Не удалось отправить. Попробуем ещё раз сами.
# $time — дата и время.
ui-sync-last = Последняя отправка: { $time }
ui-sync-pending =
    Ждут отправки: { $count } { $count ->
        [one] изменение
        [few] изменения
        [many] изменений
       *[other] изменения
    }
ui-sync-changed-elsewhere = Изменено на другом устройстве
# Показывается на телефоне, чей ответ победил; дальше идёт ответ другого устройства.
ui-sync-replaced-elsewhere = Ответ с другого устройства заменён этим
# $value — ответ, который был на этом телефоне.
ui-sync-your-value = На этом телефоне было: { $value }

## Анкета

ui-form-title = Анкета
# Номер раздела и сколько их всего.
ui-form-progress = Раздел { $current } из { $total }
ui-form-next = Дальше
ui-form-back = Назад
ui-form-to-review = Проверить ответы
ui-form-saved = Сохранено
ui-form-required = Обязательный вопрос
ui-form-example = Например: { $example }
# Дата вводится в три поля: день, месяц (выбирается по названию) и год.
ui-date-day = День
ui-date-month = Месяц
ui-date-year = Год
ui-date-month-name =
    { $month ->
        [1] январь
        [2] февраль
        [3] март
        [4] апрель
        [5] май
        [6] июнь
        [7] июль
        [8] август
        [9] сентябрь
        [10] октябрь
        [11] ноябрь
       *[12] декабрь
    }
ui-form-choose = Выберите ответ
ui-form-search-country = Найдите страну
ui-form-search-region = Найдите область
ui-form-date-day = День
ui-form-date-month = Месяц
ui-form-date-year = Год
ui-form-repeat-add = Добавить ещё
ui-form-repeat-remove = Удалить эту запись
# Номер записи в списке: член семьи № 2, работа № 3.
ui-form-repeat-item = № { $number }
ui-form-repeat-empty = Пока ничего не добавлено.
ui-form-section-errors =
    В этом разделе { $count ->
        [one] { $count } ответ нужно исправить
        [few] { $count } ответа нужно исправить
        [many] { $count } ответов нужно исправить
       *[other] { $count } ответа нужно исправить
    }.
ui-form-updated =
    Анкета обновилась. Ваши ответы сохранены. { $count ->
        [one] { $count } ответ больше не нужен
        [few] { $count } ответа больше не нужны
        [many] { $count } ответов больше не нужны
       *[other] { $count } ответа больше не нужны
    }.

## Проверка и отправка

ui-review-title = Проверьте ответы
ui-review-intro = Посмотрите ответы. Если что-то не так, нажмите «Изменить».
ui-review-missing-title = Ещё не заполнено
ui-review-missing-count =
    { $count ->
        [one] Не хватает { $count } ответа
        [few] Не хватает { $count } ответов
        [many] Не хватает { $count } ответов
       *[other] Не хватает { $count } ответа
    }
ui-review-go-to = Заполнить
ui-review-all-done = Всё заполнено. Можно отправлять.
ui-review-no-answer = Нет ответа
ui-review-submit = Отправить анкету
ui-review-submit-confirm = Отправить анкету? После отправки ответы менять нельзя.
ui-review-submit-offline = Для отправки нужен интернет. Ответы сохранены. Отправьте, когда появится связь.
ui-review-submit-need-account = Чтобы отправить анкету, войдите или создайте аккаунт.
ui-review-submitting = Отправляем анкету…
ui-review-submitted = Анкета отправлена. Следите за заявкой на экране «Заявка».

## Предварительные баллы

ui-score-title = Предварительная самопроверка
ui-score-total =
    У вас { $points } { $points ->
        [one] балл
        [few] балла
        [many] баллов
       *[other] балла
    }
ui-score-pass-mark =
    Нужно не меньше { $points } { $points ->
        [one] балла
        [few] баллов
        [many] баллов
       *[other] балла
    }
ui-score-above = Это выше проходного балла.
ui-score-below =
    Не хватает { $missing } { $missing ->
        [one] балла
        [few] баллов
        [many] баллов
       *[other] балла
    }.
# Баллы по одному пункту: «40 из 100».
ui-score-criterion = { $points } из { $max }
ui-score-raise-title = Что может поднять баллы
ui-score-not-published = Официальная таблица баллов не опубликована. Поэтому здесь нет ни баллов, ни результата. Ниже: что оценивается и как обстоят ваши ответы.
# The pass mark, a reported fact even while the points table is not published.
ui-score-pass-mark-fact = Проходной балл — { $points } (по сообщениям о совместном приказе от 30 января 2026 года).
# How the person's answers stand on one criterion, said without points.
ui-score-standing-helps = помогает
ui-score-standing-improve = можно улучшить
ui-score-standing-unanswered = ответа ещё нет
ui-score-standing-none = баллов не даёт

## Статус заявки

ui-status-title = Ваша заявка
ui-status-none = Заявки пока нет. Сначала заполните и отправьте анкету.
ui-status-submitted-on = Отправлена { $date }
ui-status-current = Сейчас
ui-status-done = Пройдено
ui-status-waiting = Впереди
ui-status-usual-duration =
    Обычно занимает до { $days } { $days ->
        [one] дня
        [few] дней
        [many] дней
       *[other] дня
    }
ui-status-usual-working-days =
    Обычно занимает до { $days } { $days ->
        [one] рабочего дня
        [few] рабочих дней
        [many] рабочих дней
       *[other] рабочего дня
    }
ui-status-estimate = наша оценка
ui-status-source-applicant = Это сообщили вы. Сотрудник пока не подтвердил.
ui-status-valid-for =
    Сертификат действует { $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дня
    }
ui-status-expected-by = Ожидаем до { $date }
ui-status-overdue = Этот этап идёт дольше обычного.
ui-status-overdue-days =
    Дольше обычного на { $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дня
    }.
ui-status-overdue-hint = Так бывает. Если долго нет новостей, обратитесь в миграционную службу.
ui-status-next-title = Что дальше
ui-status-note = Примечание: { $note }
# $days — общий срок процедуры из политики.
ui-status-whole-procedure =
    Вся процедура обычно занимает до { $days } { $days ->
        [one] дня
        [few] дней
        [many] дней
       *[other] дня
    }.

## Договор кандаса

ui-contract-title = Социальный договор
ui-contract-none = Договора пока нет. Если вы его подписали, добавьте данные.
ui-contract-add = Добавить договор
ui-contract-region = Область
ui-contract-settlement = Город или село
ui-contract-signed-on = Дата подписания
ui-contract-family-members = Сколько человек в семье по договору
ui-contract-term =
    Срок: { $years } { $years ->
        [one] год
        [few] года
        [many] лет
       *[other] года
    }
ui-contract-ends-on = Договор заканчивается { $date }
ui-contract-days-left =
    { $days ->
        [one] Остался { $days } день
        [few] Осталось { $days } дня
        [many] Осталось { $days } дней
       *[other] Осталось { $days } дня
    }
ui-contract-days-served =
    Прожито в области: { $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дня
    }
ui-contract-ended = Пять лет прошли. Теперь переезд ничего не стоит.
ui-contract-verified = Проверено сотрудником
ui-contract-not-verified = Внесено вами. Сотрудник ещё не проверил.
ui-contract-save = Сохранить договор

## Договор: полученная помощь

ui-contract-support-title = Полученная помощь
ui-contract-support-none = Пока ничего не внесено.
ui-contract-support-add = Добавить выплату
ui-contract-support-kind = Вид помощи
ui-contract-support-amount = Сумма в тенге
ui-contract-support-date = Дата получения
ui-contract-support-total = Всего получено: { $amount }

## Договор: «а если мы переедем?»

ui-whatif-title = А если мы переедем?
ui-whatif-date = Дата переезда
ui-whatif-check = Проверить
# $date — дата переезда, $amount — вся полученная помощь.
ui-whatif-risk-high = Если вы уедете из области { $date }, возможно, придётся вернуть всю полученную помощь: { $amount }.
ui-whatif-risk-none = Если вы уедете из области { $date }, возвращать ничего не нужно.
ui-whatif-free-from = С { $date } можно переезжать без возврата денег.
ui-whatif-source = Источник: { $basis }

## Другой путь: общие основания

ui-general-title = Другой путь: общие основания
ui-general-text = Можно получить вид на жительство без квоты кандасов.
ui-general-no-quota = Квота не нужна.
ui-general-no-support = Денежной помощи от государства нет.
ui-general-any-region = Жить можно в любой области.
ui-general-screening = На этом пути тоже проходят предварительный скрининг.
ui-general-funds = Иностранцы показывают средства в { $mci } МРП и деньги на { $m2 } м² жилья на каждого члена семьи от { $age } лет.
ui-general-funds-tenge = В { $year } году { $mci } МРП = { $amount }.
ui-general-funds-exempt = Этническим казахам эти средства показывать не нужно.
ui-general-compare-contract = С договором
ui-general-compare-general = На общих основаниях

## Настройки

ui-settings-title = Настройки
ui-settings-language = Язык
ui-settings-script = Казахские буквы
ui-settings-script-cyrillic = Кириллица
ui-settings-script-latin = Латиница
ui-settings-text-size = Размер текста
ui-settings-text-normal = Обычный
ui-settings-text-large = Крупный
ui-settings-text-largest = Очень крупный
ui-settings-account = Аккаунт
ui-settings-signed-in = Вы вошли как { $email }
ui-settings-not-signed-in = Вы не вошли. Ответы есть только на этом телефоне.
ui-settings-sign-in = Войти или создать аккаунт
ui-settings-sync = Синхронизация
ui-settings-sync-now = Отправить сейчас
ui-settings-sign-out = Выйти
ui-settings-sign-out-confirm = Выйти из аккаунта? Неотправленные ответы останутся на телефоне.
ui-settings-version = Версия { $version }

## Правила, которые меняются по годам: наборы правил и версии анкеты с сервера

# $date — последний день, когда показанные правила действовали.
ui-rules-not-published = Правила на этот год ещё не опубликованы. Kosh показывает правила, которые действовали до { $date }. Суммы и квоты могут измениться.
ui-rules-not-received = Этот телефон ещё не получил правила на этот год. Kosh показывает правила, которые действовали до { $date }. Подключитесь к интернету, чтобы получить новые.
ui-rules-damaged = Правила, сохранённые на этом телефоне, повреждены. Пока нет связи, Kosh использует правила, встроенные в приложение. Ваши ответы в сохранности.
ui-rules-changed-title = Правила изменились
# $year — год, $amount — один МРП в тенге.
ui-rules-changed-mci = МРП на { $year } год опубликован: { $amount }. От него зависят суммы поддержки на { $year } год.
# $name — вид поддержки, $amount — новая сумма словами.
ui-rules-changed-support = { $name }. Новая сумма: { $amount }
ui-rules-changed-support-plain = { $name }: правила этой поддержки изменились.
ui-rules-changed-support-removed = { $name }: этой поддержки больше нет в правилах.
ui-rules-changed-quotas = Квоты регионов на { $year } год изменились.
# $region — название региона, $people — квота.
ui-rules-changed-quota =
    { $region }: квота на { $year } год — { $people } { $people ->
        [one] человек
        [few] человека
        [many] человек
       *[other] человека
    }.
ui-rules-changed-quota-unpublished = { $region }: квота на { $year } год ещё не опубликована.
ui-rules-changed-regions = Список регионов для переселения изменился.
ui-rules-changed-stages = Обычные сроки этапов заявления изменились.
ui-rules-changed-scoring = Таблица баллов или проходной балл изменились.
ui-rules-changed-contract = Правила социального контракта изменились.
ui-rules-changed-ok = Понятно
ui-support-title = Поддержка в тенге
ui-support-intro = Поддержка считается в МРП (месячный расчётный показатель). МРП меняется каждый год, поэтому суммы в тенге тоже меняются.
# $year — год, $amount — сумма словами.
ui-support-year = { $year }: { $amount }
ui-support-not-published = { $year }: ещё не опубликовано.
ui-support-last-published = В { $year } году было: { $amount }
ui-move-title = Новая версия анкеты
ui-move-text = Ваши ответы можно перенести в новую версию. Вот что произойдёт:
ui-move-kept =
    { $count } { $count ->
        [one] ответ перейдёт
        [few] ответа перейдут
        [many] ответов перейдут
       *[other] ответа перейдут
    } без изменений.
# $question — название вопроса в новой версии.
ui-move-renamed = Перейдёт в вопрос с новым названием: { $question }
ui-move-left-title = Эти ответы не перейдут:
ui-move-left-gone = Этот вопрос больше не задают.
# $problem — что не так с ответом.
ui-move-left-invalid = Этот ответ не подходит под новые правила: { $problem }
ui-move-old-expired = Старую версию больше не принимают. Перенесите ответы, чтобы отправить анкету.
ui-move-button = Перенести мои ответы
ui-moved-title = Ответы, которые не перешли
ui-moved-text = Ваши ответы теперь в новой версии анкеты. Эти ответы не перешли. Запишите их, если они вам нужны.
ui-moved-dismiss = Я прочитал(а)
ui-form-version-missing = На этом телефоне ещё нет версии анкеты, в которой ваши ответы. Подключитесь к интернету, и Kosh её получит.
