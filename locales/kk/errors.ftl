# Drafted without a native speaker: needs review by a native Kazakh speaker.
# Қазақ тілі ана тілі емес адам жазды: шығармас бұрын қазақ тілі ана тілі болатын адам тексеруі керек.
# Қазақша (кирилл). Сервер қателері (error-<код>) және жауаптарды тексеру (validation-<код>).
# Адам мұны сұрақтың астында не экранда көреді. Техникалық сөзсіз: не болды және не істеу керек.

## Сервер қателері: kosh_shared::api::ERROR_CODES кодтары

error-bad_request = Қосымша дұрыс емес нәрсе жіберді. Қосымшаны жаңартып, қайта көріңіз.
error-unauthorized = Аккаунтқа қайта кіріңіз.
error-forbidden = Бұған сізде рұқсат жоқ.
error-not_found = Ештеңе табылмады. Мүмкін, ол өшірілген.
error-method_not_allowed = Бұлай істеуге болмайды. Қосымшаны жаңартыңыз.
error-conflict = Бұл деректер өзгеріп кетті. Экранды жаңартып, қайта көріңіз.
error-payload_too_large = Бір рет жіберуге деректер тым көп. Қайта көріңіз.
error-unsupported_media_type = Қосымша деректерді дұрыс емес түрде жіберді. Қосымшаны жаңартыңыз.
error-request_timeout = Сервер ұзақ жауап бермеді. Қайта көріңіз.
error-rate_limited = Әрекет тым көп болды. Біраз күтіп, қайта көріңіз.
error-internal = Серверде ақау болды. Жауаптарыңыз телефонда сақталған. Кейінірек көріңіз.
error-invalid_email = Пошта мекенжайын тексеріңіз. Мысалы: aigul@mail.kz
error-weak_password = Құпиясөз тым қысқа. Кемінде 10 таңба керек.
error-email_taken = Бұл пошта бұрын тіркелген. Өз аккаунтыңызға кіріңіз.
error-invalid_credentials = Пошта не құпиясөз қате.
error-token_reused = Қауіпсіздік үшін аккаунттан шығардық. Қайта кіріңіз.
error-too_many_ops = Бір рет жіберуге өзгеріс тым көп. Қосымша оларды бөліп жібереді.
error-validation_failed = Сауалнамада қателер бар. Оларды түзетіп, қайта жіберіңіз.
error-invalid_transition = Өтініштің бұл кезеңін қазір өзгертуге болмайды.
error-unknown_region = Мұндай облыс тізімде жоқ. Облысты тізімнен таңдаңыз.
error-unknown_form = Мұндай сауалнама жоқ. Қосымшаны жаңартыңыз.
error-invalid_hlc = Телефондағы сағат қате уақытты көрсетіп тұр. Күн мен уақытты тексеріңіз.
error-invalid_date = Күн қате. Күнін, айын және жылын тексеріңіз.
error-uri_too_long = Қолданба тым ұзын мекенжай жіберді. Қолданбаны жаңартыңыз.
error-headers_too_large = Қолданба бір уақытта тым көп дерек жіберді. Қолданбаны жаңартып, қайта көріңіз.
error-server_busy = Сервер бос емес. Жауаптарыңыз телефонда сақталды. Қолданба жақында қайта көреді.
error-storage_full = Сервер қазір сақтай алмайды. Жауаптарыңыз телефонда сақталды. Қолданба кейінірек қайта көреді.
error-invalid_policy = Ереже жинағы қабылданбады: онда қателер бар. Ештеңе жарияланбады.
error-invalid_form = Сауалнама қабылданбады: онда қателер бар. Ештеңе жарияланбады.
error-version_exists = Сауалнаманың бұл нұсқасы басқа мазмұнмен жарияланған. Жаңа нұсқа ретінде жариялаңыз.

## Телефондағы қателер (сервер коды жоқ)

error-unknown = Бірдеңе дұрыс болмады. Қайта көріңіз.
error-offline = Интернет жоқ. Жауаптар телефонда сақталды.
error-server-unreachable = Сервер жауап бермей тұр. Өзіміз қайта көреміз.
error-storage-damaged = Телефонда сақталған деректер бүлінген. Оларды бөлек қойып, жаңадан бастадық.

## Жауаптарды тексеру: kosh_shared::validate::CODES кодтары

validation-required = Бұл сұраққа жауап беріңіз.
validation-wrong_type = Мұндай жауап келмейді. Қайта көріңіз.
validation-below_min = Сан тым кіші.
validation-above_max = Сан тым үлкен.
validation-not_integer = Бүтін сан жазыңыз, үтірсіз.
validation-too_short = Тым қысқа. Көбірек жазыңыз.
validation-too_long = Тым ұзын. Қысқарақ жазыңыз.
validation-invalid_date = Күн қате. Күнін, айын және жылын тексеріңіз.
validation-date_too_early = Күн тым ерте.
validation-date_too_late = Күн тым кеш. Ол бүгіннен кейін болмауы керек.
validation-invalid_option = Жауапты тізімнен таңдаңыз.
validation-duplicate_option = Бұл жауап таңдалып қойған.
validation-exclusive_option = Бұл жауапты басқалармен бірге таңдауға болмайды. Біреуін ғана қалдырыңыз.
validation-too_few_items = Кемінде бір жазба қосыңыз.
validation-too_many_items = Жазба тым көп.
validation-invalid_email = Пошта мекенжайын тексеріңіз. Мысалы: aigul@mail.kz
validation-invalid_phone = Телефон нөмірін тексеріңіз. Елдің кодынан бастаңыз, мысалы +998.
validation-invalid_country = Елді тізімнен таңдаңыз.
validation-invalid_region = Облысты тізімнен таңдаңыз.
validation-unknown_question = Сауалнамада мұндай сұрақ жоқ. Қосымшаны жаңартыңыз.
validation-check_failed = Бұл жауап басқа жауаптарға сәйкес келмейді. Оларды тексеріңіз.
validation-end_before_start = Біткен күні басталған күнінен бұрын тұр.
validation-more_years_than_age = Жұмыс өтілі жасыңыздан көп болмайды.
validation-kaztest_below_pass = 30%-дан аз. ҚАЗТЕСТ-тен өту үшін әр бөлімнен кемінде 30% керек.
