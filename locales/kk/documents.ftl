# Drafted without a native speaker: needs review by a native Kazakh speaker.
# Қазақша (кирилл): құжаттар тізімі (shared/policy: documents): құжаттар, оларды талап ететін
# жолдар, қайда тапсырылады, неше күндік болуы және тағы қанша күн жарамды болуы керек.
# Латын және араб жазуы осы файлдан автоматты түрде жасалады: мұнда тек кирилмен жазамыз.


## Paths: documents-path-<id>

documents-path-kandas_status = Қандас мәртебесі
documents-path-regional_quota = Өңірлік квота және көмек
documents-path-general_grounds = Тұрақты тұру

## Where a paper is handed in: documents-where-<id>

documents-where-kandas_channels = migration.enbek.kz, Enbek қосымшасы, елшілік немесе ХҚКО
documents-where-public_service_centre = ХҚКО (халыққа қызмет көрсету орталығы)
documents-where-host_region = Көшіп баратын өңірде (мекеме расталмаған)

## The papers: documents-item-<id>

documents-item-kandas_application = Қандас мәртебесіне өтініш
documents-item-kandas_autobiography = Өмірбаян (еркін түрде)
documents-item-identity_copy = Жеке басын куәландыратын құжаттың көшірмесі, нотариат куәландырған аудармасымен
documents-item-kazakh_nationality_proof = Қазақ ұлтын растайтын құжат
documents-item-kandas_status_decision = Қандас мәртебесін растайтын құжат
documents-item-social_contract = Бес жылға әлеуметтік келісімшарт
documents-item-residence_application = Тұрақты тұруға рұқсат алуға өтініш
documents-item-passport = Төлқұжат
documents-item-child_birth_certificate = Баланың туу туралы куәлігі
documents-item-exit_consent = Еліңіздің шығуға жазбаша келісімі
documents-item-autobiography = Өмірбаян
documents-item-proof_of_funds = Қаражатты растайтын құжат
documents-item-no_criminal_record = Сотталмағаны туралы анықтама
documents-item-medical_certificate = Медициналық анықтама
documents-item-photo = Фотосурет
documents-item-fee_receipt = Алым төлегені туралы түбіртек
documents-item-proof_of_address = Қазақстанда тұратын жерді растайтын құжат
documents-item-screening_certificate = Алдын ала іріктеу сертификаты
documents-item-apostille = Шетелден келген құжаттардағы апостиль

## What an entry says of a paper

documents-translation-notarised = Қазақ немесе орыс тіліне нотариат куәландырған аударма керек
documents-max-age = Тапсыратын күні { $days } күннен аспауы керек
documents-valid-for = Тағы { $days } күннен артық жарамды болуы керек
documents-too-old = { $days } күннен асқан: сапарға дейін жаңасын алыңыз
