import { noticeMailSubject } from "../../../domain/labels/mail.js";
import type { OutgoingMail } from "../../platform/mail/transport.js";

/**
 * A notice mail: that something waits in tsunagu, the kind in general words and where to sign in. Never a name,
 * a record or anything the notice itself says: mail leaves the municipality's network and may be read on a phone.
 */
export function noticeMailFor(to: string, kind: string, appUrl: string): OutgoingMail {
  const subject = `【tsunagu】${noticeMailSubject(kind)}`;
  const text = [
    "tsunagu に、あなたあてのお知らせがあります。",
    "",
    `内容: ${noticeMailSubject(kind)}`,
    "",
    "詳しくは tsunagu にログインしてご確認ください。",
    appUrl,
    "",
    "このメールは送信専用です。内容は tsunagu の画面でだけ確認できます。",
  ].join("\n");
  return { to, subject, text };
}

/** The test mail the system administrator sends to itself from the settings screen. */
export function testMailFor(to: string, appUrl: string): OutgoingMail {
  return {
    to,
    subject: "【tsunagu】メール送信のテスト",
    text: [
      "tsunagu のメール送信の設定を確かめるためのテストメールです。",
      "このメールが届いていれば、通知メールを送ることができます。",
      "",
      appUrl,
    ].join("\n"),
  };
}
