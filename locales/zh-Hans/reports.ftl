# Drafted without a native speaker: needs review by a native Chinese speaker.
# 申请人自己报告官方通知的内容，以及某个阶段拖延时的询问。

## 在申请页面报告通知

reports-title = 您收到消息了吗？
reports-intro = 短信、移民门户网站或信件告诉您这个阶段的结果了吗？请点击上面说的内容。
reports-date-label = 消息的日期
reports-confirm = 保存
reports-saved = 已保存在这部手机上。有网络时会发送给 Kosh。
reports-error-no-date = 请填写消息的完整日期：日、月和年。
reports-error-before-submission = 消息的日期不能早于您的申请。

## 每个阶段是谁说的

reports-mark-confirmed = 移民部门已确认。
reports-mark-kosh = 由 Kosh 记录。
reports-mark-pending = 这是您报告的。还没有发送：保存在这部手机上。

## Kosh 没有接受的报告

reports-refused-title = Kosh 没有接受这条报告
# $stage 是阶段名称，$outcome 是结果，$date 是消息的日期。
reports-refused-what = 您报告了：{ $stage }，{ $outcome }，{ $date }。
reports-fix = 修改
reports-drop = 删除

## 阶段拖延时的询问

reports-enquiry-title = 询问为什么这么久
reports-enquiry-intro = 请在 e-Otinish 门户网站（eotinish.kz）上发送这段文字，或在公共服务中心出示。它是用哈萨克语和俄语写的。
reports-enquiry-own = 这段文字的意思：
reports-enquiry-copy = 复制文字
reports-enquiry-copied = 已复制。请粘贴到您的信息中。
reports-enquiry-copy-failed = 无法复制。请长按文字来复制。
reports-enquiry-share = 发送…
# 询问本身。$id 是申请编号，$submitted 是发送日期，$stage 是拖延阶段的名称，
# $since 是开始日期，$due 是应该结束的日期；日期格式为 日.月.年。
reports-enquiry = 您好。我于 { $submitted } 提交了申请永久居留许可的初步筛选问卷（申请编号：{ $id }）。“{ $stage }”阶段于 { $since } 开始，应在 { $due } 之前结束，但我至今没有收到答复。请告诉我我的申请处于哪个阶段，以及什么时候可以等到决定。
