# Написано без носителя языка: перед выпуском нужна вычитка носителем русского языка.
# Список документов (shared/policy: documents): документы, пути, которые их требуют, куда их
# сдают, и сколько им может быть дней или сколько они ещё должны действовать. Числа приходят из
# политики через переменные.


## Paths: documents-path-<id>

documents-path-kandas_status = Статус кандаса
documents-path-regional_quota = Региональная квота и помощь
documents-path-general_grounds = Постоянное проживание

## Where a paper is handed in: documents-where-<id>

documents-where-kandas_channels = migration.enbek.kz, приложение Enbek, посольство или ЦОН
documents-where-public_service_centre = ЦОН (центр обслуживания населения)
documents-where-host_region = В регионе, куда вы переезжаете (учреждение не подтверждено)

## The papers: documents-item-<id>

documents-item-kandas_application = Заявление на статус кандаса
documents-item-kandas_autobiography = Автобиография (в свободной форме)
documents-item-identity_copy = Копия документа, удостоверяющего личность, с нотариальным переводом
documents-item-kazakh_nationality_proof = Документ, подтверждающий казахскую национальность
documents-item-kandas_status_decision = Документ о статусе кандаса
documents-item-social_contract = Социальный контракт на пять лет
documents-item-residence_application = Заявление на разрешение на постоянное проживание
documents-item-passport = Паспорт
documents-item-child_birth_certificate = Свидетельство о рождении ребёнка
documents-item-exit_consent = Письменное согласие вашей страны на выезд
documents-item-autobiography = Автобиография
documents-item-proof_of_funds = Подтверждение денежных средств
documents-item-no_criminal_record = Справка об отсутствии судимости
documents-item-medical_certificate = Медицинская справка
documents-item-photo = Фотография
documents-item-fee_receipt = Квитанция об оплате пошлины
documents-item-proof_of_address = Подтверждение места жительства в Казахстане
documents-item-screening_certificate = Сертификат предварительного отбора
documents-item-apostille = Апостиль на документах из-за рубежа

## What an entry says of a paper

documents-translation-notarised = Нужен нотариальный перевод на казахский или русский язык
documents-max-age = Не старше { $days } { $days ->
        [one] дня
        [few] дней
        [many] дней
       *[other] дней
    } на день подачи
documents-valid-for = Должен действовать ещё больше { $days } { $days ->
        [one] дня
        [few] дней
        [many] дней
       *[other] дней
    }
documents-too-old = Старше { $days } { $days ->
        [one] дня
        [few] дней
        [many] дней
       *[other] дней
    }: получите новый до визита
