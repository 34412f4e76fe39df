//! The notice as the student app shows it, offline: the fee, the 补拍 make-up, the 学信网 check,
//! whom to call, then every instruction section of the notice.
//!
//! Both apps drew this screen from the event's fields and had already drifted apart (one showed
//! the fee in yuan and the other not, in another order, with their own wording for "until …,
//! 60 yuan"). Here it is one list of sections of lines, each line in both languages and, for a
//! phone number, the number to dial, so an app draws it with one loop and a dial button.

use crate::event::{Contact, Event};
use crate::text::Text;
use crate::time;

/// The notice screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The event's title.
    pub title: Text,
    /// The school and the notice's reference: `广州商学院 · 广商教文〔2023〕27号`.
    pub source: Text,
    /// In the order shown.
    pub sections: Vec<NoticeSection>,
}

/// A card of the notice screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeSection {
    /// Heading.
    pub title: Text,
    /// Lines, in order.
    pub lines: Vec<NoticeLine>,
}

/// One line of a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeLine {
    /// What it says. For a phone number, the button's label (`拨打 020-…`).
    pub text: Text,
    /// The number to dial when tapped, as written in the notice.
    pub dial: Option<String>,
    /// A sub-heading inside the card (a contact's name and role).
    pub heading: bool,
}

impl NoticeLine {
    fn plain(text: Text) -> Self {
        NoticeLine {
            text,
            dial: None,
            heading: false,
        }
    }

    fn dial(phone: &str) -> Self {
        NoticeLine {
            text: Text::new(format!("拨打 {phone}"), format!("Call {phone}")),
            dial: Some(phone.to_string()),
            heading: false,
        }
    }
}

/// The notice screen for `event`.
pub fn notice(event: &Event) -> Notice {
    let fee = NoticeSection {
        title: Text::new(
            format!("摄影费 {} 元", event.fee.yuan),
            format!("Photo fee: {} yuan", event.fee.yuan),
        ),
        lines: vec![NoticeLine::plain(crate::timeline::fee_note(event))],
    };

    let m = &event.makeup;
    let deadline = time::format_local_minute(m.deadline);
    let mut makeup = vec![
        NoticeLine::plain(Text::new(
            format!("截止 {deadline}，费用 {} 元", m.fee_yuan),
            format!("Until {deadline}, {} yuan", m.fee_yuan),
        )),
        NoticeLine::plain(m.place.clone()),
        NoticeLine::plain(Text::new(
            format!("学校代码：{}", m.school_code),
            format!("School code: {}", m.school_code),
        )),
    ];
    if !m.bring.is_empty() {
        let bring = Text::join(&m.bring);
        makeup.push(NoticeLine::plain(Text::new(
            format!("带上：{}", bring.zh),
            format!("Bring: {}", bring.en),
        )));
    }
    makeup.push(NoticeLine::dial(&m.phone));

    let v = &event.verification;
    let verification = NoticeSection {
        title: Text::new("学信网图像校对", "Check your photo on 学信网"),
        lines: vec![
            NoticeLine::plain(Text::new(
                format!("拍摄 {} 天后，在 {}", v.after_days, v.site),
                format!("{} days after the shoot, on {}", v.after_days, v.site),
            )),
            NoticeLine::plain(v.how.clone()),
        ],
    };

    let contacts = NoticeSection {
        title: Text::new("联系人", "Contacts"),
        lines: event.contacts.iter().flat_map(contact_lines).collect(),
    };

    let mut sections = vec![
        fee,
        NoticeSection {
            title: Text::new("补拍", "补拍 make-up photo"),
            lines: makeup,
        },
        verification,
    ];
    if !contacts.lines.is_empty() {
        sections.push(contacts);
    }
    sections.extend(event.instructions.iter().map(|s| NoticeSection {
        title: s.title.clone(),
        lines: s.items.iter().cloned().map(NoticeLine::plain).collect(),
    }));

    Notice {
        title: event.title.clone(),
        source: Text::new(
            format!("{} · {}", event.school.name.zh, event.notice_ref),
            format!("{} · {}", event.school.name.en, event.notice_ref),
        ),
        sections,
    }
}

fn contact_lines(c: &Contact) -> Vec<NoticeLine> {
    let mut lines = vec![
        NoticeLine {
            text: Text::new(
                format!("{} · {}", c.name.zh, c.role.zh),
                format!("{} · {}", c.name.en, c.role.en),
            ),
            dial: None,
            heading: true,
        },
        NoticeLine::plain(c.place.clone()),
    ];
    lines.extend(c.phones.iter().map(|p| NoticeLine::dial(p)));
    if let Some(ext) = &c.extension {
        lines.push(NoticeLine::plain(Text::new(
            format!("内线 {ext}"),
            format!("Extension {ext}"),
        )));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gzcc_notice_reads_fee_makeup_check_contacts_then_instructions() {
        let event = Event::template("gzcc-2023").unwrap();
        let n = notice(&event);
        let titles: Vec<&str> = n.sections.iter().map(|s| s.title.zh.as_str()).collect();
        assert_eq!(titles[..3], ["摄影费 15 元", "补拍", "学信网图像校对"]);
        assert_eq!(titles[3], "联系人");
        assert_eq!(n.sections.len(), 4 + event.instructions.len());
        assert!(n.source.zh.contains("广州商学院") && n.source.zh.contains("〔2023〕27号"));

        let makeup = &n.sections[1];
        assert_eq!(makeup.lines[0].text.zh, "截止 2024-04-30 17:00，费用 60 元");
        assert!(makeup.lines.iter().any(|l| l.text.zh == "学校代码：13667"));
        let call = makeup.lines.iter().find(|l| l.dial.is_some()).unwrap();
        assert_eq!(
            call.text.zh,
            format!("拨打 {}", call.dial.as_ref().unwrap())
        );
        assert!(
            n.sections[0].lines[0].text.zh.contains("不要自己转账"),
            "students are told to pay the liaison, not the colleges' account"
        );
        assert!(!n.sections[0].lines[0]
            .text
            .zh
            .contains(&event.fee.pay_to.zh));

        // Every contact: a heading, then each of their numbers to dial.
        let contacts = &n.sections[3];
        let headings = contacts.lines.iter().filter(|l| l.heading).count();
        assert_eq!(headings, event.contacts.len());
        let dials = contacts.lines.iter().filter(|l| l.dial.is_some()).count();
        let phones: usize = event.contacts.iter().map(|c| c.phones.len()).sum();
        assert_eq!(dials, phones);
    }
}
