/**
 * 涉密不上网: a classified item's content is never copied anywhere — not into documents, logs,
 * reports or lists. Whatever copies an item's content takes it from here.
 */
import type { RegistryItem } from "./model";
import { CLASSIFIED_CONTENT_SHOWN, isClassifiedText } from "./vocabulary";

/**
 * True when the item's 密级 is 秘密, 机密 or 绝密 (GB/T 9704 marks included).
 * @example isClassifiedItem({ secrecy: "秘密★1年" }) // true
 */
export function isClassifiedItem(item: Pick<RegistryItem, "secrecy">): boolean {
  return isClassifiedText(item.secrecy);
}

/**
 * The content as it may be copied: the item's own for an unclassified item, else the note that
 * the content is on paper.
 * @example copyableContent({ secrecy: "机密", content: "……" }) // "（涉密事项，内容见纸质件）"
 * @example copyableContent({ secrecy: "公开", content: "落实课后服务" }) // "落实课后服务"
 */
export function copyableContent(item: Pick<RegistryItem, "secrecy" | "content">): string {
  return isClassifiedItem(item) ? CLASSIFIED_CONTENT_SHOWN : item.content;
}
