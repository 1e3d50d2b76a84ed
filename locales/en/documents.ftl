# Drafted without a native speaker: needs review by a native English speaker before release.
# English. The document checklist (shared/policy: documents): the papers, the paths that ask
# for them, where they are handed in, and how old or how long valid they must be. Numbers come
# from the policy through variables.


## Paths: documents-path-<id>

documents-path-kandas_status = Kandas status
documents-path-regional_quota = Regional quota and support
documents-path-general_grounds = Permanent residence

## Where a paper is handed in: documents-where-<id>

documents-where-kandas_channels = migration.enbek.kz, the Enbek app, an embassy or a public service centre
documents-where-public_service_centre = Public service centre
documents-where-host_region = In the region you move to (the office is not confirmed)

## The papers: documents-item-<id>

documents-item-kandas_application = Application for kandas status
documents-item-kandas_autobiography = Autobiography (in free form)
documents-item-identity_copy = Copy of the identity document, with a notarised translation
documents-item-kazakh_nationality_proof = Proof of Kazakh nationality
documents-item-kandas_status_decision = Proof of kandas status
documents-item-social_contract = Social contract for five years
documents-item-residence_application = Application for a permanent residence permit
documents-item-passport = Passport
documents-item-child_birth_certificate = Child's birth certificate
documents-item-exit_consent = Written consent of your country to leave
documents-item-autobiography = Autobiography
documents-item-proof_of_funds = Proof of funds
documents-item-no_criminal_record = Certificate of no criminal record
documents-item-medical_certificate = Medical certificate
documents-item-photo = Photo
documents-item-fee_receipt = Receipt for the fee
documents-item-proof_of_address = Proof of a place to live in Kazakhstan
documents-item-screening_certificate = Preliminary screening certificate
documents-item-apostille = Apostille on papers from abroad

## What an entry says of a paper

documents-translation-notarised = Needs a notarised translation into Kazakh or Russian
documents-max-age = Not older than { $days } { $days ->
        [one] day
       *[other] days
    } on the day you hand it in
documents-valid-for = Must be valid for more than { $days } { $days ->
        [one] day
       *[other] days
    } more
documents-too-old = Older than { $days } { $days ->
        [one] day
       *[other] days
    }: get a new one before the visit
