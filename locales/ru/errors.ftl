# Написано без носителя языка: перед выпуском нужна вычитка носителем русского языка.
# Русский (эталон). Ошибки сервера (error-<код>) и проверки ответов (validation-<код>).
# Человек видит это под вопросом или на экране. Без технических слов: что случилось и что делать.

## Ошибки сервера: коды из kosh_shared::api::ERROR_CODES

error-bad_request = Приложение отправило что-то не то. Обновите приложение и попробуйте ещё раз.
error-unauthorized = Войдите в аккаунт ещё раз.
error-forbidden = У вас нет доступа к этому.
error-not_found = Ничего не нашли. Возможно, это уже удалено.
error-method_not_allowed = Так сделать нельзя. Обновите приложение.
error-conflict = Эти данные уже изменились. Обновите экран и попробуйте ещё раз.
error-payload_too_large = Слишком много данных за один раз. Попробуйте ещё раз.
error-unsupported_media_type = Приложение отправило данные не в том виде. Обновите приложение.
error-request_timeout = Сервер долго не отвечал. Попробуйте ещё раз.
error-rate_limited = Слишком много попыток. Подождите немного и попробуйте снова.
error-internal = На сервере сбой. Ваши ответы сохранены на телефоне. Попробуйте позже.
error-invalid_email = Проверьте адрес почты. Пример: aigul@mail.kz
error-weak_password = Пароль слишком короткий. Нужно не меньше 10 знаков.
error-email_taken = Эта почта уже занята. Войдите в свой аккаунт.
error-invalid_credentials = Неверная почта или пароль.
error-token_reused = Для защиты мы вышли из аккаунта. Войдите снова.
error-too_many_ops = Слишком много изменений за один раз. Приложение отправит их частями.
error-validation_failed = В анкете есть ошибки. Исправьте их и отправьте снова.
error-invalid_transition = Этот этап заявки сейчас поменять нельзя.
error-unknown_region = Такой области нет в списке. Выберите область из списка.
error-unknown_form = Такой анкеты нет. Обновите приложение.
error-invalid_hlc = Часы на телефоне показывают странное время. Проверьте дату и время.
error-invalid_date = Неверная дата. Проверьте день, месяц и год.

## Ошибки на телефоне (без кода сервера)

error-unknown = Что-то пошло не так. Попробуйте ещё раз.
error-offline = Нет интернета. Ответы сохранены на телефоне.
error-server-unreachable = Сервер не отвечает. Мы попробуем ещё раз сами.
error-storage-damaged = Сохранённые данные на телефоне повреждены. Мы отложили их в сторону и начали заново.

## Проверка ответов: коды из kosh_shared::validate::CODES

validation-required = Ответьте на этот вопрос.
validation-wrong_type = Такой ответ не подходит. Попробуйте ещё раз.
validation-below_min = Число слишком маленькое.
validation-above_max = Число слишком большое.
validation-not_integer = Введите целое число, без запятой.
validation-too_short = Слишком коротко. Напишите больше.
validation-too_long = Слишком длинно. Напишите короче.
validation-invalid_date = Неверная дата. Проверьте день, месяц и год.
validation-date_too_early = Дата слишком ранняя.
validation-date_too_late = Дата слишком поздняя. Она не может быть позже сегодняшнего дня.
validation-invalid_option = Выберите ответ из списка.
validation-duplicate_option = Этот ответ уже выбран.
validation-exclusive_option = Этот ответ нельзя выбрать вместе с другими. Оставьте что-то одно.
validation-too_few_items = Добавьте хотя бы одну запись.
validation-too_many_items = Слишком много записей.
validation-invalid_email = Проверьте адрес почты. Пример: aigul@mail.kz
validation-invalid_phone = Проверьте номер телефона. Начните с кода страны, например +998.
validation-invalid_country = Выберите страну из списка.
validation-invalid_region = Выберите область из списка.
validation-unknown_question = Такого вопроса нет в анкете. Обновите приложение.
validation-check_failed = Этот ответ не сходится с другими ответами. Проверьте их.
validation-end_before_start = Дата окончания раньше даты начала.
validation-more_years_than_age = Стаж не может быть больше вашего возраста.
validation-kaztest_below_pass = Меньше 30%. Для сдачи KAZTEST нужно не меньше 30% в каждой части.
