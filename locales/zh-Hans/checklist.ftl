# Drafted without a native speaker: needs review by a native Chinese speaker.
# 简体中文：材料清单页面（根据回答需要的材料，可勾选）和随身携带的摘要（回答、材料和自测，以哈萨克语和俄语打印）。

## 材料清单

checklist-title = 需要带的材料
checklist-intro = 这份清单根据您的回答生成。材料准备好后请勾选。
checklist-missing = 共 { $total } 份材料，还有 { $missing } 份未准备好
checklist-all-ready = 清单上的材料都已准备好。
checklist-for-you = 您本人
checklist-for-family = 全家一份
checklist-member = { $relation }：{ $name }
checklist-member-unnamed = 家庭成员 { $number }
checklist-path = 用于：{ $path }
checklist-where = 递交地点：{ $place }
checklist-uncertain = 没有法律条文规定这一点：前往之前请向办事机构确认
checklist-issued-on = 签发日期
checklist-usable-until = 可在 { $date } 之前递交
checklist-too-old-by-visit = 到递交那天将超过 { $days } 天：请在临近那天时重新办理
checklist-visit-title = 递交材料的日期
checklist-visit-hint = 有期限的材料按这一天检查。此日期只保存在本手机上。
checklist-open = 需要带的材料

## 随身携带的摘要

summary-title = 申请摘要
summary-made-on = 生成日期：{ $date }
summary-print = 打印或保存为 PDF
summary-print-hint = 在手机上，请在打印窗口中选择“另存为 PDF”，然后分享该文件。
summary-share = 以 PDF 文件分享
summary-share-hint = 把这份摘要做成 PDF 文件，可以通过聊天软件或电子邮件发送，也可以拿到别处打印。需要网络连接和账户。
summary-share-working = 正在制作 PDF 文件…
summary-share-saved = PDF 文件 kosh-summary.pdf 已保存在“下载”中。
summary-share-offline = 制作 PDF 文件需要网络连接。打印无需连接。
summary-share-signed-out = 制作 PDF 文件需要账户：请在“设置”中登录。
summary-share-failed = 未能制作 PDF 文件。请重试，或改为打印。
summary-answers = 回答
summary-papers = 材料
summary-paper-ready = 已准备
summary-paper-missing = 未准备
summary-score = 初步自测
summary-open = 打印用摘要
