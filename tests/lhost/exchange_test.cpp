// SPDX-License-Identifier: MIT
// Tests for src/lhost/exchange.cpp: Exchange 2003, Office 365 in English and in Dutch, and the
// merge of a Dutch Office 365 text with its delivery-status part (messages written for this test).

#include "tests/lhost/vendor_case.h"

namespace bouncetolk {
namespace {

const char kExchange2003[] =
    "From: System Administrator <postmaster@example.nl>\n"
    "Subject: Undeliverable: offerte\n"
    "X-Mailer: Internet Mail Service (5.5.2653.19)\n"
    "\n"
    "Your message\n"
    "\n"
    "  To:      kees@example.nl\n"
    "  Subject: offerte\n"
    "  Sent:    Mon, 2 Mar 2026 10:00:00 +0100\n"
    "\n"
    "did not reach the following recipient(s):\n"
    "\n"
    "kees@example.nl on Mon, 2 Mar 2026 10:00:05 +0100\n"
    "    The recipient name is not recognized\n"
    "    MSEXCH:IMS:EXAMPLE:NL:SERVER 0 (000C05A6) Unknown Recipient\n";

// The Dutch edition of an Office 365 NDR, text only (a relay dropped the DSN part).
const char kOffice365Dutch[] =
    "From: Microsoft Outlook <postmaster@hosting.onmicrosoft.com>\n"
    "To: <info@klant.example.nl>\n"
    "Subject: Onbestelbaar: Factuur maart\n"
    "Content-Type: text/plain; charset=\"utf-8\"\n"
    "Content-Transfer-Encoding: quoted-printable\n"
    "\n"
    "Het bericht kan niet worden bezorgd bij de volgende geadresseerden of groepen:\n"
    "\n"
    "boekhouding@leverancier.example.nl (boekhouding@leverancier.example.nl)\n"
    "Het e-mailadres dat u hebt ingevoerd, is niet gevonden. Controleer het e-mailadres van de\n"
    "geadresseerde en probeer het bericht opnieuw te verzenden.\n"
    "\n"
    "Diagnostische gegevens voor beheerders:\n"
    "\n"
    "Genererende server: AM6PR01MB1234.eurprd01.prod.exchangelabs.com\n"
    "\n"
    "boekhouding@leverancier.example.nl\n"
    "Externe server heeft '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by =\n"
    "SMTP address lookup' geretourneerd\n"
    "\n"
    "Oorspronkelijke berichtkoppen:\n"
    "\n"
    "Received: from AM6PR01MB5678.eurprd01.prod.exchangelabs.com\n"
    "To: boekhouding@leverancier.example.nl\n";

// Dutch Office 365 with a delivery-status part whose Status is only 5.0.0 and which has no
// Diagnostic-Code: the real reason is in the human-readable part.
const char kOffice365DutchWithDsn[] =
    "From: Microsoft Outlook <postmaster@hosting.onmicrosoft.com>\n"
    "Subject: Onbestelbaar: test\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n"
    "\n"
    "--b1\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "\n"
    "Het bericht kan niet worden bezorgd bij de volgende geadresseerden of groepen:\n"
    "\n"
    "piet@example.nl\n"
    "\n"
    "Diagnostische gegevens voor beheerders:\n"
    "\n"
    "piet@example.nl\n"
    "Externe server heeft '550 5.1.10 RESOLVER.ADR.RecipientNotFound; not found' geretourneerd\n"
    "\n"
    "--b1\n"
    "Content-Type: message/delivery-status\n"
    "\n"
    "Reporting-MTA: dns; AM6PR01MB1234.eurprd01.prod.exchangelabs.com\n"
    "\n"
    "Final-Recipient: rfc822; piet@example.nl\n"
    "Action: failed\n"
    "Status: 5.0.0\n"
    "\n"
    "--b1--\n";

const char kOffice365English[] =
    "From: Microsoft Outlook <postmaster@outlook.example.com>\n"
    "Subject: Undeliverable: hello\n"
    "\n"
    "Delivery has failed to these recipients or groups:\n"
    "\n"
    "vol@example.org<mailto:vol@example.org>\n"
    "The recipient's mailbox is full and can't accept messages now.\n"
    "\n"
    "Diagnostic information for administrators:\n"
    "\n"
    "Generating server: DB3PR01MB0001.eurprd01.prod.outlook.com\n"
    "\n"
    "vol@example.org\n"
    "Remote Server returned '554 5.2.2 mailbox full; "
    "STOREDRV.Deliver.Exception:QuotaExceededException'\n"
    "\n"
    "Original message headers:\n"
    "\n"
    "Received: from DB3PR01MB0002.eurprd01.prod.outlook.com\n";

// The newest Office 365 layout, Dutch: the address only in a sentence, the reason in Dutch.
const char kOffice365DutchSentence[] =
    "From: Microsoft Outlook <postmaster@hosting.onmicrosoft.com>\n"
    "Subject: Onbestelbaar: agenda\n"
    "\n"
    "Uw bericht aan marieke@example.nl kan niet worden bezorgd.\n"
    "Het postvak van de geadresseerde is vol en kan momenteel geen berichten ontvangen.\n"
    "Probeer het later opnieuw of neem op een andere manier contact op met de geadresseerde.\n";

TEST(ExchangeTest, Table) {
  const VendorCase cases[] = {
      {"Exchange 2003", kExchange2003, "exchange", {{"kees@example.nl", "5.0.0", 0, "", "", ""}}},
      {"Office 365, Dutch, text only",
       kOffice365Dutch,
       "exchange",
       {{"boekhouding@leverancier.example.nl", "5.1.10", 550, "userunknown", "", ""}}},
      {"Office 365, Dutch, with DSN",
       kOffice365DutchWithDsn,
       "rfc3464",
       {{"piet@example.nl", "5.1.10", 550, "userunknown", "", ""}}},
      {"Office 365, English",
       kOffice365English,
       "exchange",
       {{"vol@example.org", "5.2.2", 554, "mailboxfull", "", ""}}},
      {"Office 365, Dutch, address in a sentence",
       kOffice365DutchSentence,
       "exchange",
       {{"marieke@example.nl", "5.0.0", 0, "mailboxfull", "", ""}}},
  };
  for (const VendorCase& c : cases) ExpectCase(c);
}

// RESOLVER.ADR.RecipientNotFound is a hard bounce: the address does not exist. The Dutch
// quoted-printable soft line break inside the reply must not hide the wording.
TEST(ExchangeTest, DutchRecipientNotFoundIsHard) {
  const Report report = Analyze(kOffice365Dutch, TestRules());
  ASSERT_EQ(report.recipients.size(), 1u);
  EXPECT_TRUE(report.recipients[0].hard_bounce);
  EXPECT_EQ(report.recipients[0].status_source, StatusSource::kText);
}

TEST(ExchangeTest, TextAddsTheCodeTheDsnLacks) {
  const Report report = Analyze(kOffice365DutchWithDsn, TestRules());
  ASSERT_EQ(report.recipients.size(), 1u);
  EXPECT_EQ(report.recipients[0].status_field, "5.0.0");
  EXPECT_EQ(StatusNoteToken(report.recipients[0].status_note), "text_more_specific");
}

}  // namespace
}  // namespace bouncetolk
