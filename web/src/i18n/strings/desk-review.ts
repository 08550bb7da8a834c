import { defineStrings } from "../i18n";

/** The desk's review of a stored session: re-checks, acknowledgements, approvals (review.ts has the rest). */
const en = {
  saving: "Saving…",
  "recheck.verified": "The printed check digit holds for this value.",
  "recheck.failed": "The printed check digit does not hold for this value: the field will show the check as failed.",
  "decision.recordedBy": "Decision recorded: {outcome}, by {agent}. Reason: {reason}",
  "decision.retakeReason": "Reason (shown to the customer)",
  "approval.given": "Approved so far by: {agents}.",
  "approval.blocked": "Approval is blocked until every critical warning is acknowledged with a reason.",
  "approval.sameReviewer": "You have approved already: a second, different reviewer must approve.",
  "approval.firstOfTwo":
    "A second reviewer is required: your approval will be the first of two, and the session goes back to the queue.",
  "approval.completes": "Your approval completes the review.",
  "ack.heading": "Critical warnings",
  "ack.allDone": "Every critical warning is acknowledged.",
  "ack.left": "Critical warnings to acknowledge before approving: {count}.",
  "ack.open": "Not acknowledged: {warning}.",
  "ack.done": "{warning}: acknowledged by {agent}. Reason: {reason}",
  "ack.button": "Acknowledge {warning}",
  "ack.reason": "Why this does not stop approval",
  "ack.reasonRequired": "Give a reason for the acknowledgement.",
  "ack.save": "Save acknowledgement",
  "tools.download": "Download the session (JSON)",
} as const;

type DeskReviewStrings = Record<keyof typeof en, string>;

const zhCN: DeskReviewStrings = {
  saving: "正在保存…",
  "recheck.verified": "印刷的校验位与此值相符。",
  "recheck.failed": "印刷的校验位与此值不符：该字段将显示为校验失败。",
  "decision.recordedBy": "已记录决定：{outcome}，由 {agent} 作出。理由：{reason}",
  "decision.retakeReason": "理由（将显示给客户）",
  "approval.given": "目前已批准：{agents}。",
  "approval.blocked": "在为每个严重警告填写理由并确认之前，无法批准。",
  "approval.sameReviewer": "您已经批准过：需要另一位审核员批准。",
  "approval.firstOfTwo": "需要第二位审核员：您的批准是两次中的第一次，会话随后将回到队列。",
  "approval.completes": "您的批准将完成此次审核。",
  "ack.heading": "严重警告",
  "ack.allDone": "所有严重警告均已确认。",
  "ack.left": "批准前需要确认的严重警告：{count} 个。",
  "ack.open": "未确认：{warning}。",
  "ack.done": "{warning}：已由 {agent} 确认。理由：{reason}",
  "ack.button": "确认{warning}",
  "ack.reason": "为何这不妨碍批准",
  "ack.reasonRequired": "请填写确认理由。",
  "ack.save": "保存确认",
  "tools.download": "下载会话（JSON）",
};

const zhTW: DeskReviewStrings = {
  saving: "正在儲存…",
  "recheck.verified": "印刷的檢查碼與此值相符。",
  "recheck.failed": "印刷的檢查碼與此值不符：該欄位將顯示為檢查碼不符。",
  "decision.recordedBy": "已記錄決定：{outcome}，由 {agent} 作出。理由：{reason}",
  "decision.retakeReason": "理由（將顯示給客戶）",
  "approval.given": "目前已批准：{agents}。",
  "approval.blocked": "在為每個嚴重警告填寫理由並確認之前，無法批准。",
  "approval.sameReviewer": "您已經批准過：需要另一位審核員批准。",
  "approval.firstOfTwo": "需要第二位審核員：您的批准是兩次中的第一次，工作階段隨後將回到佇列。",
  "approval.completes": "您的批准將完成此次審核。",
  "ack.heading": "嚴重警告",
  "ack.allDone": "所有嚴重警告均已確認。",
  "ack.left": "批准前需要確認的嚴重警告：{count} 個。",
  "ack.open": "未確認：{warning}。",
  "ack.done": "{warning}：已由 {agent} 確認。理由：{reason}",
  "ack.button": "確認{warning}",
  "ack.reason": "為何這不妨礙批准",
  "ack.reasonRequired": "請填寫確認理由。",
  "ack.save": "儲存確認",
  "tools.download": "下載工作階段（JSON）",
};

export const deskReviewStrings = defineStrings<DeskReviewStrings>({ en, "zh-CN": zhCN, "zh-TW": zhTW });
