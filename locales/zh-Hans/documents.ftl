# Drafted without a native speaker: needs review by a native Chinese speaker.
# 简体中文：材料清单（shared/policy: documents）：所需材料、要求它们的途径、递交地点、有效期。
# 数字通过变量来自政策文件。


## Paths: documents-path-<id>

documents-path-kandas_status = 同胞（坎达斯）身份
documents-path-regional_quota = 地区配额及援助
documents-path-general_grounds = 永久居留

## Where a paper is handed in: documents-where-<id>

documents-where-kandas_channels = migration.enbek.kz、Enbek 应用、使馆或公共服务中心
documents-where-public_service_centre = 公共服务中心（ЦОН）
documents-where-host_region = 在您迁往的地区（具体机构未确认）

## The papers: documents-item-<id>

documents-item-kandas_application = 同胞（坎达斯）身份申请书
documents-item-kandas_autobiography = 自传（格式不限）
documents-item-identity_copy = 身份证件复印件，附经公证的译文
documents-item-kazakh_nationality_proof = 哈萨克族身份证明
documents-item-kandas_status_decision = 同胞（坎达斯）身份证明
documents-item-social_contract = 为期五年的社会合同
documents-item-residence_application = 永久居留许可申请书
documents-item-passport = 护照
documents-item-child_birth_certificate = 子女出生证明
documents-item-exit_consent = 国籍国同意出境的书面文件
documents-item-autobiography = 自传
documents-item-proof_of_funds = 资金证明
documents-item-no_criminal_record = 无犯罪记录证明
documents-item-medical_certificate = 健康证明
documents-item-photo = 照片
documents-item-fee_receipt = 缴费收据
documents-item-proof_of_address = 在哈萨克斯坦的住所证明
documents-item-screening_certificate = 预筛选证书
documents-item-apostille = 国外文件的海牙认证（apostille）

## What an entry says of a paper

documents-translation-notarised = 需要经公证的哈萨克语或俄语译文
documents-max-age = 递交当天不得超过 { $days } 天
documents-valid-for = 须在 { $days } 天以上仍然有效
documents-too-old = 已超过 { $days } 天：请在前往之前重新办理
