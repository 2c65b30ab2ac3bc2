// SPDX-License-Identifier: MIT
//
// rfc3834.h: auto-replies and vacation messages (RFC 3834: Auto-Submitted: auto-replied, and
// the common X-Autoreply headers and "Automatic reply:" / "Out of office" / "Afwezig"
// subjects, all listed as "autoreply" rows of data/rules/lhost.tsv). An auto-reply is not a
// failure: its one recipient is the person who answered (the From address), reason vacation.
// Bounces also carry Auto-Submitted, so this check runs only after every vendor reader
// declined, and never on a message that looks like a bounce ("generic" rows of lhost.tsv).

#ifndef BOUNCETOLK_DSN_RFC3834_H_
#define BOUNCETOLK_DSN_RFC3834_H_

#include "bouncetolk/report.h"
#include "view/message_view.h"

namespace bouncetolk {

/// True when the Subject starts like an auto-reply ("Automatic reply:", "Afwezig:", ...; the
/// "autoreply-prefix" rows of lhost.tsv) and neither the sender nor a header marks a delivery
/// report: then no reader takes recipients from its text, whatever words the body uses.
bool IsClearAutoReply(const MessageView& view);

/// Fills \a report (kind kAutoReply, one vacation recipient) when the message is an
/// auto-reply and returns true; false otherwise.
bool ReadAutoReply(const MessageView& view, Report* report);

}  // namespace bouncetolk

#endif  // BOUNCETOLK_DSN_RFC3834_H_
