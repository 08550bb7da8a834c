import { defineStrings } from "../i18n";

/** Continuing on a phone: the computer's QR code and the phone's side of the link. */
const en = {
  title: "No camera here? Continue on your phone",
  intro:
    "Show a code on this screen and scan it with your phone's camera. You take the photo on the phone; this page follows along.",
  show: "Show a QR code for my phone",
  qrLabel: "QR code of the link that continues this verification on your phone",
  scan: "Scan the code with your phone's camera. It works once, until {time}.",
  orOpen: "Or open this link on your phone:",
  connected: "Your phone is connected. Take the photo there: this page moves on by itself when you have sent it.",
  expired: "The code has expired.",
  again: "Show a new code",
  phoneConnecting: "Connecting to your verification…",
  phoneProblemTitle: "This link cannot be used",
  phoneProblem: "This link has been used or has expired. Show the QR code on your computer again and scan the new one.",
} as const;

type HandoffStrings = Record<keyof typeof en, string>;

const zhCN: HandoffStrings = {
  title: "这里没有相机？在手机上继续",
  intro: "在此屏幕上显示二维码，然后用手机相机扫描。您在手机上拍照；此页面会同步显示进度。",
  show: "显示手机用的二维码",
  qrLabel: "在手机上继续此次核验的链接二维码",
  scan: "请用手机相机扫描二维码。它只能使用一次，有效期至 {time}。",
  orOpen: "或在手机上打开此链接：",
  connected: "您的手机已连接。请在手机上拍照：发送后，此页面会自动继续。",
  expired: "二维码已过期。",
  again: "显示新的二维码",
  phoneConnecting: "正在连接您的核验…",
  phoneProblemTitle: "此链接无法使用",
  phoneProblem: "此链接已被使用或已过期。请在电脑上重新显示二维码并扫描新的二维码。",
};

export const handoffStrings = defineStrings<HandoffStrings>({ en, "zh-CN": zhCN });
