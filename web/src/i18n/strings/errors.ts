import type { NextStep } from "contract/error-catalogue";
import { ApiError } from "../../lib/api-error";
import { isKnownErrorCode, type KnownErrorCode, nextStepFor } from "../../lib/error-catalogue";
import { defineStrings } from "../i18n";

/** Words for every catalogued error code (a code without them in a locale is a type error) and for the screen. */
export type ErrorStrings = Record<
  KnownErrorCode | "title" | "unknown" | `next_${NextStep}` | "next_later_seconds" | "code",
  string
>;

export const errorStrings = defineStrings<ErrorStrings>({
  en: {
    title: "That did not work",
    image_missing: "No photo reached us.",
    image_empty: "The photo was empty.",
    image_too_large: "The photo is too large to read.",
    payload_too_large: "The photo is too large to send.",
    unsupported_media_type: "This kind of file cannot be read. Use a PNG, JPEG, BMP or HEIC photo.",
    unsupported_content_type: "The app sent the photo in a way the server does not accept.",
    image_undecodable: "The photo could not be opened; the file may be damaged.",
    invalid_base64: "The photo arrived damaged.",
    invalid_body: "The request was not understood.",
    malformed_json: "The request was not understood.",
    malformed_multipart: "The upload was cut off or damaged.",
    origin_not_allowed: "This website is not allowed to use the passport service.",
    not_found: "The passport service was not found.",
    mrz_not_found: "We could not find the two machine-readable lines at the bottom of the photo page.",
    mrz_unreadable: "We found the machine-readable lines but could not read them reliably.",
    no_passport: "No passport was found in the photo.",
    ocr_failed: "The text on the passport could not be read.",
    rate_limited: "Too many attempts in a short time.",
    engine_busy: "The reader is busy with other passports.",
    engine_unavailable: "The passport reader is not running.",
    engine_crashed: "The passport reader failed on this photo.",
    engine_timeout: "Reading this photo took too long.",
    server_busy: "The service is busy right now.",
    request_aborted: "The upload stopped before it was complete.",
    provider_not_configured: "The passport reading service is not set up.",
    passport_fields_unreadable: "Some details on the passport could not be read.",
    recognition_failed: "The passport could not be read from this photo.",
    internal_error: "Something went wrong on our side.",
    network_error: "The connection dropped before the photo was read.",
    upstream_timeout: "The passport reading service took too long to answer.",
    upstream_unavailable: "The passport reading service is not available right now.",
    upstream_rate_limited: "The passport reading service is receiving too many requests.",
    image_too_large_pixels: "The photo has too many pixels to read.",
    image_decode_failed: "The photo could not be opened; the file may be damaged.",
    image_rejected: "The photo was not accepted by the reading service.",
    mrz_visual_inconsistent: "The printed details and the machine-readable lines do not agree in this photo.",
    upstream_error: "The passport reading service had a problem.",
    upstream_unreachable: "The passport reading service cannot be reached.",
    upstream_internal_error: "The passport reading service had an internal problem.",
    upstream_unknown_error: "The passport reading service had an unknown problem.",
    upstream_http_error: "The passport reading service answered with an error.",
    upstream_invalid_response: "The passport reading service gave an answer we could not use.",
    upstream_unexpected_response: "The passport reading service gave an answer we could not use.",
    upstream_image_download_failed: "The passport reading service could not receive the photo.",
    upstream_warning_service_failed: "The passport reading service could not check this photo.",
    upstream_rejected_request: "The passport reading service did not accept our request.",
    upstream_auth_failed: "The passport reading service refused our credentials.",
    upstream_token_invalid: "The passport reading service refused our credentials.",
    upstream_unauthorized: "The passport reading service does not allow this account to read passports.",
    upstream_clock_skew: "The server's clock is wrong, so the reading service refused the request.",
    upstream_not_enabled: "Passport reading is not switched on for this service account.",
    upstream_region_unsupported: "Passport reading is not offered in the configured region.",
    upstream_account_in_arrears: "The passport reading service account is unpaid.",
    upstream_account_unavailable: "The passport reading service account cannot be used right now.",
    upstream_quota_exhausted: "The passport reading service has used up its quota.",
    upstream_billing_error: "The passport reading service account has a billing problem.",
    upstream_limit_exceeded: "The passport reading service account reached a limit.",
    image_too_small: "The photo is too small to read the passport. It needs at least 800 x 500 pixels.",
    image_unreadable: "This file could not be opened as an image.",
    heic_failed: "This iPhone photo (HEIC) could not be converted.",
    camera_still_failed: "The camera did not deliver a photo.",
    unknown: "An unexpected error happened.",
    next_retake: "Take the photo again: the whole photo page flat, in good light, without glare, filling the frame.",
    next_later: "Please try again in a moment.",
    next_later_seconds: "Please try again in {seconds} seconds.",
    next_operator: "This needs the service's operator. Please tell the person who sent you here.",
    "next_other-file": "Choose another photo or take a new one.",
    code: "Error code: {code}",
  },
  "zh-CN": {
    title: "操作未成功",
    image_missing: "我们没有收到照片。",
    image_empty: "照片是空的。",
    image_too_large: "照片太大，无法识别。",
    payload_too_large: "照片太大，无法发送。",
    unsupported_media_type: "无法读取此类文件。请使用 PNG、JPEG、BMP 或 HEIC 照片。",
    unsupported_content_type: "应用发送照片的方式不被服务器接受。",
    image_undecodable: "无法打开照片，文件可能已损坏。",
    invalid_base64: "照片在传输中损坏。",
    invalid_body: "无法理解该请求。",
    malformed_json: "无法理解该请求。",
    malformed_multipart: "上传被中断或已损坏。",
    origin_not_allowed: "此网站无权使用护照识别服务。",
    not_found: "找不到护照识别服务。",
    mrz_not_found: "在照片页底部没有找到两行机读码。",
    mrz_unreadable: "找到了机读码，但无法可靠地读取。",
    no_passport: "照片中没有找到护照。",
    ocr_failed: "无法读取护照上的文字。",
    rate_limited: "短时间内尝试次数过多。",
    engine_busy: "识别程序正忙于处理其他护照。",
    engine_unavailable: "护照识别程序未运行。",
    engine_crashed: "识别程序处理这张照片时出错。",
    engine_timeout: "识别这张照片用时过长。",
    server_busy: "服务当前繁忙。",
    request_aborted: "上传未完成就中断了。",
    provider_not_configured: "护照识别服务尚未配置。",
    passport_fields_unreadable: "护照上的部分信息无法读取。",
    recognition_failed: "无法从这张照片识别护照。",
    internal_error: "我们这边出了问题。",
    network_error: "照片识别完成前连接已断开。",
    upstream_timeout: "护照识别服务响应超时。",
    upstream_unavailable: "护照识别服务暂时不可用。",
    upstream_rate_limited: "护照识别服务请求过多。",
    upstream_error: "护照识别服务出现问题。",
    image_too_large_pixels: "照片像素过多，无法识别。",
    image_decode_failed: "无法打开照片，文件可能已损坏。",
    image_rejected: "识别服务不接受这张照片。",
    mrz_visual_inconsistent: "照片中印刷信息与机读码不一致。",
    upstream_unreachable: "无法连接护照识别服务。",
    upstream_internal_error: "护照识别服务出现内部问题。",
    upstream_unknown_error: "护照识别服务出现未知问题。",
    upstream_http_error: "护照识别服务返回了错误。",
    upstream_invalid_response: "护照识别服务返回了无法使用的结果。",
    upstream_unexpected_response: "护照识别服务返回了无法使用的结果。",
    upstream_image_download_failed: "护照识别服务未能接收照片。",
    upstream_warning_service_failed: "护照识别服务无法检查这张照片。",
    upstream_rejected_request: "护照识别服务不接受我们的请求。",
    upstream_auth_failed: "护照识别服务拒绝了我们的凭证。",
    upstream_token_invalid: "护照识别服务拒绝了我们的凭证。",
    upstream_unauthorized: "护照识别服务不允许此账户识别护照。",
    upstream_clock_skew: "服务器时钟不正确，识别服务拒绝了请求。",
    upstream_not_enabled: "此服务账户未开通护照识别。",
    upstream_region_unsupported: "所配置的地域不提供护照识别。",
    upstream_account_in_arrears: "护照识别服务账户已欠费。",
    upstream_account_unavailable: "护照识别服务账户暂时无法使用。",
    upstream_quota_exhausted: "护照识别服务的额度已用完。",
    upstream_billing_error: "护照识别服务账户存在计费问题。",
    upstream_limit_exceeded: "护照识别服务账户已达到限额。",
    image_too_small: "照片太小，无法识别护照。至少需要 800 x 500 像素。",
    image_unreadable: "无法将此文件作为图片打开。",
    heic_failed: "无法转换这张 iPhone 照片（HEIC）。",
    camera_still_failed: "相机没有拍出照片。",
    unknown: "发生了意外错误。",
    next_retake: "请重新拍摄：整个照片页平放、光线充足、没有反光、填满取景框。",
    next_later: "请稍后再试。",
    next_later_seconds: "请在 {seconds} 秒后再试。",
    next_operator: "这需要服务运营方处理。请告知引导您来此的人员。",
    "next_other-file": "请选择其他照片或重新拍摄。",
    code: "错误代码：{code}",
  },
});

export interface DescribedError {
  code: string;
  /** What happened, in the person's language. */
  message: string;
  next: NextStep;
  /** The next step in words (with the wait when the server gave one). */
  nextText: string;
}

/** Words and a next step for any error the flow can meet (ApiError, client-side PrepareError, anything else). */
export function describeError(error: unknown, strings: ErrorStrings): DescribedError {
  const code =
    typeof (error as { code?: unknown } | null)?.code === "string" ? (error as { code: string }).code : "unknown";
  const api = error instanceof ApiError ? error : undefined;
  const next = nextStepFor(code, api?.status, api?.retake ?? false);
  const message = isKnownErrorCode(code) ? strings[code] : strings.unknown;
  const seconds = api?.retryAfterSeconds;
  const nextText =
    next === "later" && seconds !== undefined && seconds > 0
      ? strings.next_later_seconds.replace("{seconds}", String(seconds))
      : strings[`next_${next}`];
  return { code, message, next, nextText };
}
