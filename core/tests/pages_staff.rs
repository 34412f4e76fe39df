//! The staff's pages as the notice's day runs them: a fresh phone imports the 教务处's scanner
//! bundle, becomes the studio of 一教209, numbers the students of 6月3日 as they come in, sends a
//! student of another room on, admits one with a reason, steps one aside, closes the batch, and
//! hands its log to a second phone by file and by QR codes before it may be cleared.

mod common;

use photoday_core::admin::EventFolder;
use photoday_core::bundle::BundleKind;
use photoday_core::door_loop::{DoorLoop, Signal};
use photoday_core::log::{AsideReason, LOG_QR_FRAME_MS};
use photoday_core::pages::staff::{page, perform, start};
use photoday_core::pages::{Block, Command, Go, Input, Needs, Outcome, Page, PageId, Scan, Tone};
use photoday_core::scanner::{Role, Scanner};
use photoday_core::time::parse_moment;

struct Day {
    folder: EventFolder,
    passes: Vec<(u64, u8, String)>,
    dir: tempfile::TempDir,
}

/// The verdict card on the door page: its tone, its big number, its title and lines, and its
/// actions with what each needs.
type Card = (Tone, Option<String>, Vec<String>, Vec<(Command, Needs)>);

/// A staff phone: its device and the door loop the app keeps for it.
struct Phone {
    scanner: Scanner,
    door: DoorLoop,
}

impl Phone {
    fn page(&mut self, id: PageId, now: i64) -> Page {
        page(&mut self.scanner, &mut self.door, id, now).unwrap()
    }

    fn perform(&mut self, command: Command, input: Input, now: i64) -> Outcome {
        perform(&mut self.scanner, &mut self.door, &command, &input, now)
    }

    fn scan(&mut self, text: &str, now: i64) -> Outcome {
        self.perform(Command::Scanned(Scan::Door), Input::Text(text.into()), now)
    }

    fn card(&mut self, now: i64) -> Card {
        let door = self.page(PageId::Door, now);
        door.blocks
            .into_iter()
            .find_map(|b| match b {
                Block::Card {
                    tone,
                    big,
                    lines,
                    actions,
                    title,
                } if title.is_some() && !matches!(tone, Tone::Accent) => Some((
                    tone,
                    big,
                    title
                        .into_iter()
                        .chain(lines)
                        .map(|t| t.zh)
                        .collect::<Vec<_>>(),
                    actions
                        .into_iter()
                        .map(|a| (a.command, a.needs))
                        .collect::<Vec<_>>(),
                )),
                _ => None,
            })
            .expect("a verdict card on the door page")
    }

    fn records(&mut self) -> usize {
        self.scanner.records().unwrap().len()
    }
}

impl Day {
    fn new() -> Day {
        let (dir, folder, passes) = common::event_folder(12, 7);
        Day {
            folder,
            passes,
            dir,
        }
    }

    fn at(&self, s: &str) -> i64 {
        parse_moment(s, self.folder.event().utc_offset).unwrap()
    }

    /// The k-th pass of `session` (4: 一教209 on 6月3日; 1: 一教104 the same day).
    fn pass(&self, session: u8, k: usize) -> String {
        let p = self
            .passes
            .iter()
            .filter(|p| p.1 == session)
            .nth(k)
            .unwrap();
        p.2.clone()
    }

    fn bundle(&mut self) -> Vec<u8> {
        self.folder.bundle(BundleKind::Scanner, true, 1).unwrap()
    }

    fn phone(&self, name: &str) -> Phone {
        Phone {
            scanner: Scanner::open(self.dir.path().join(name)).unwrap(),
            door: DoorLoop::new(),
        }
    }

    /// A phone with the bundle in, through its import page.
    fn phone_with_bundle(&mut self, name: &str) -> Phone {
        let bundle = self.bundle();
        let mut phone = self.phone(name);
        let done = phone.perform(Command::Import, Input::Bytes(bundle), 0);
        assert_eq!(done.message.as_ref().map(|m| m.1), Some(Tone::Good));
        phone
    }

    /// The studio of 一教209, numbering without the 采集码 check.
    fn studio(&mut self, name: &str) -> Phone {
        let mut phone = self.phone_with_bundle(name);
        let set = Command::SetStation {
            room: "一教209".into(),
            role: Role::Studio,
        };
        phone.perform(set, Input::Nothing, 0);
        phone.perform(Command::SetCheckCode { on: false }, Input::Nothing, 0);
        phone
    }
}

fn texts(page: &Page) -> String {
    let mut out = vec![page.title.zh.clone()];
    for b in &page.blocks {
        match b {
            Block::Line { text, .. } | Block::Heading { text } => out.push(text.zh.clone()),
            Block::Row { text, detail, .. } => {
                out.push(text.zh.clone());
                out.extend(detail.iter().map(|d| d.zh.clone()));
            }
            Block::Card { title, lines, .. } => {
                out.extend(title.iter().map(|t| t.zh.clone()));
                out.extend(lines.iter().map(|t| t.zh.clone()));
            }
            Block::Progress { text, .. } => out.push(text.zh.clone()),
            _ => {}
        }
    }
    out.join("\n")
}

fn commands(page: &Page) -> Vec<Command> {
    let mut out: Vec<Command> = page.menu.iter().map(|a| a.command.clone()).collect();
    for b in &page.blocks {
        match b {
            Block::Button { action } => out.push(action.command.clone()),
            Block::Row {
                action: Some(a), ..
            } => out.push(a.command.clone()),
            Block::Card { actions, .. } => out.extend(actions.iter().map(|a| a.command.clone())),
            Block::Toggle { action, .. } => out.push(action.command.clone()),
            Block::Field { submit, .. } => out.push(submit.command.clone()),
            _ => {}
        }
    }
    out
}

fn said(o: &Outcome) -> (String, Tone) {
    let (t, tone) = o.message.clone().expect("a message");
    (t.zh, tone)
}

#[test]
fn a_fresh_phone_imports_the_bundle_then_chooses_its_station_then_scans() {
    let mut day = Day::new();
    let mut phone = day.phone("fresh.db");
    assert_eq!(start(&phone.scanner), PageId::Import);
    let import = phone.page(PageId::Import, 0);
    assert!(
        !import.can_go_back,
        "the first page has nowhere to go back to"
    );
    let file_button = import.blocks.iter().any(|b| {
        matches!(b, Block::Button { action } if action.command == Command::Import && action.needs == Needs::File)
    });
    assert!(file_button, "a button to choose the bundle file");

    let bundle = day.bundle();
    let done = phone.perform(Command::Import, Input::Bytes(bundle), 0);
    assert_eq!(done.go, Go::Start);
    assert!(said(&done).0.contains("名学生"), "{:?}", done.message);
    assert_eq!(start(&phone.scanner), PageId::Station);
    let fp = photoday_core::bundle::signer_fingerprint(phone.scanner.bundle().unwrap());
    assert!(
        texts(&phone.page(PageId::Import, 0)).contains(&fp),
        "the pinned key shows"
    );

    let station = phone.page(PageId::Station, 0);
    let studio_209 = Command::SetStation {
        room: "一教209".into(),
        role: Role::Studio,
    };
    assert!(commands(&station).contains(&studio_209));
    assert!(
        texts(&station).contains("摄影室：给摄影编号"),
        "the core's role words"
    );

    let t = day.at("2023-06-03 10:00");
    let done = phone.perform(studio_209, Input::Nothing, t);
    assert_eq!(done.go, Go::Start);
    assert_eq!(start(&phone.scanner), PageId::Door);
    let door = phone.page(PageId::Door, t);
    let label = photoday_core::door_loop::station_label(&phone.scanner, t).unwrap();
    assert_eq!(door.title, label.title);
    assert!(door.title.zh.starts_with("一教209"), "{}", door.title.zh);
    assert!(door.blocks.iter().any(|b| matches!(
        b,
        Block::Camera {
            scan: Scan::Door,
            ..
        }
    )));
    for wanted in [
        Command::Open(PageId::TypedCheckIn),
        Command::Open(PageId::Batch),
        Command::Open(PageId::Attendance),
        Command::Open(PageId::History),
        Command::Open(PageId::Logs),
        Command::Open(PageId::Station),
        Command::Open(PageId::DoorSettings),
    ] {
        assert!(
            door.menu.iter().any(|a| a.command == wanted),
            "{wanted:?} in the menu"
        );
    }
    // A studio may choose its letter and the 采集码 check on the station page.
    let station = phone.page(PageId::Station, t);
    let cmds = commands(&station);
    assert!(cmds.contains(&Command::SetLane { lane: Some('B') }));
    assert!(cmds.contains(&Command::SetCheckCode { on: false }));
}

#[test]
fn the_studio_numbers_sends_on_admits_with_a_reason_steps_aside_and_closes_the_batch() {
    let mut day = Day::new();
    let mut phone = day.studio("studio.db");
    let t = day.at("2023-06-03 10:00");

    // A valid pass: green, its 摄影编号 huge, the admitted beep.
    let first = day.pass(4, 0);
    let done = phone.scan(&first, t);
    assert_eq!(done.signal, Some(Signal::Admitted));
    let (tone, big, _, actions) = phone.card(t);
    assert_eq!(tone, Tone::Good);
    assert_eq!(big.as_deref(), Some("001"));
    assert!(actions.iter().any(|(c, _)| *c == Command::UndoShown));
    assert!(actions
        .iter()
        .any(|(c, _)| *c == Command::Open(PageId::StepAside)));
    let page = phone.page(PageId::Door, t);
    assert!(
        page.refresh_ms.is_some(),
        "asks again when the verdict goes"
    );
    assert!(
        page.blocks.iter().any(|b| matches!(b, Block::Qr { .. })),
        "the number code for the student's app"
    );

    // The same pass again at once: nothing new, no second record.
    let records = phone.records();
    let again = phone.scan(&first, t + 300);
    assert!(
        again.go == Go::Unchanged || phone.card(t + 300).2.iter().any(|l| l.contains("再次出示")),
        "{again:?}"
    );
    assert_eq!(phone.records(), records);

    // The verdict goes by itself when its time is up: the page asks again and finds the camera.
    let later = t + i64::from(page.refresh_ms.unwrap());
    let page = phone.page(PageId::Door, later);
    assert!(!page.blocks.iter().any(|b| matches!(
        b,
        Block::Card {
            tone: Tone::Good,
            ..
        }
    )));

    // A student of 一教104 is sent there.
    let t = later + 10_000;
    let other = day.pass(1, 0);
    let done = phone.scan(&other, t);
    assert_eq!(done.signal, Some(Signal::Attention));
    let (tone, _, lines, _) = phone.card(t);
    assert_eq!(tone, Tone::Attention);
    assert!(lines.iter().any(|l| l.contains("一教104")), "{lines:?}");
    phone.perform(Command::Dismiss, Input::Nothing, t);

    // A student of this room's other day: amber, and admitting anyway needs a reason.
    let t = t + 10_000;
    let next_day = day.pass(9, 0);
    phone.scan(&next_day, t);
    let (tone, _, _, actions) = phone.card(t);
    assert_eq!(tone, Tone::Attention);
    let (_, needs) = actions
        .iter()
        .find(|(c, _)| *c == Command::Override)
        .expect("an override action");
    assert!(matches!(needs, Needs::Text { .. }));
    let refused = phone.perform(Command::Override, Input::Text("  ".into()), t);
    assert_eq!(said(&refused).1, Tone::Attention, "no reason, no admission");
    let done = phone.perform(
        Command::Override,
        Input::Text("辅导员确认".into()),
        t + 1_000,
    );
    assert_eq!(done.signal, Some(Signal::Admitted));
    let (tone, big, lines, _) = phone.card(t + 1_000);
    assert_eq!(tone, Tone::Good, "{lines:?}");
    assert!(
        big.is_some(),
        "numbered in that session's own sequence: {lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.contains("工作人员放行")),
        "{lines:?}"
    );
    phone.perform(Command::Dismiss, Input::Nothing, t + 1_000);

    // The next student of 一教209 today is 002.
    let t = t + 10_000;
    phone.scan(&day.pass(4, 1), t);
    assert_eq!(phone.card(t).1.as_deref(), Some("002"));

    // They step aside: the number is void, the door page says so.
    let t = t + 1_000;
    let aside = phone.page(PageId::StepAside, t);
    assert!(commands(&aside).contains(&Command::StepAside {
        reason: AsideReason::Clothes,
        student_no: None,
    }));
    let done = phone.perform(
        Command::StepAside {
            reason: AsideReason::Clothes,
            student_no: None,
        },
        Input::Nothing,
        t,
    );
    assert_eq!(done.go, Go::Back);
    assert!(texts(&phone.page(PageId::Door, t)).contains("002 号作废"));
    let batch = texts(&phone.page(PageId::Batch, t));
    assert!(
        batch.contains("002") && batch.contains("作废：着装不合要求"),
        "{batch}"
    );

    // A typed number checks a student in by hand.
    let typed_no = day.passes.iter().filter(|p| p.1 == 4).nth(2).unwrap().0;
    let done = phone.perform(
        Command::TypedNumber,
        Input::Text(format!("{typed_no} 忘带手机")),
        t + 1_000,
    );
    assert_eq!(done.go, Go::Back);
    assert_eq!(done.signal, Some(Signal::Admitted));
    assert_eq!(phone.card(t + 1_000).1.as_deref(), Some("003"));
    phone.perform(Command::Dismiss, Input::Nothing, t + 1_000);

    // With no one on the card, the waiting students are listed, each with the reasons: 003 is
    // called and is not there.
    let not_there = Command::StepAside {
        reason: AsideReason::NotPresent,
        student_no: Some(typed_no),
    };
    let aside = phone.page(PageId::StepAside, t + 2_000);
    assert!(texts(&aside).contains("003"), "{}", texts(&aside));
    assert!(commands(&aside).contains(&not_there));
    let done = phone.perform(not_there, Input::Nothing, t + 2_000);
    assert_eq!(done.go, Go::Back);
    assert!(texts(&phone.page(PageId::Door, t + 2_000)).contains("003 号作废"));

    // The batch is shot.
    let t = t + 5_000;
    assert!(commands(&phone.page(PageId::Door, t)).contains(&Command::CloseBatch));
    let done = phone.perform(Command::CloseBatch, Input::Nothing, t);
    let (text, tone) = said(&done);
    assert_eq!(tone, Tone::Good);
    assert!(text.contains("已拍完"), "{text}");
    let batch = texts(&phone.page(PageId::Batch, t));
    assert!(batch.contains("001") && batch.contains("已拍摄"), "{batch}");

    // The history lists all of it; attendance counts the photographed.
    let history = texts(&phone.page(PageId::History, t));
    assert!(history.contains("摄影编号 001"), "{history}");
    let attendance = phone.page(PageId::Attendance, t);
    assert!(!attendance.blocks.is_empty());
}

#[test]
fn the_log_goes_to_another_phone_by_file_and_by_qr_codes_and_only_then_may_be_cleared() {
    let mut day = Day::new();
    let mut studio = day.studio("studio.db");
    let t = day.at("2023-06-03 10:00");
    for k in 0..6 {
        studio.scan(&day.pass(4, k), t + k as i64 * 20_000);
        studio.perform(Command::Dismiss, Input::Nothing, t + k as i64 * 20_000 + 1);
    }
    let t = t + 200_000;

    // Not before the log is exported.
    let refused = studio.perform(Command::PurgeStaff, Input::Nothing, t);
    assert_eq!(said(&refused).1, Tone::Refused);
    assert_eq!(start(&studio.scanner), PageId::Door);

    // By file: the second phone merges it.
    let file = studio
        .perform(Command::ExportLog, Input::Nothing, t)
        .file
        .expect("a file to save");
    assert!(file.name.ends_with(".photodaylog"), "{}", file.name);
    // The app performs the file's follow-up once it is written: counted as exported.
    assert_eq!(file.saved, Some(Command::LogSaved));
    let saved = studio.perform(Command::LogSaved, Input::Nothing, t);
    assert_eq!(said(&saved).1, Tone::Good);
    let mut office = day.phone_with_bundle("office.db");
    let merged = office.perform(Command::Import, Input::Bytes(file.bytes), t);
    let (text, tone) = said(&merged);
    assert_eq!(tone, Tone::Good, "{text}");
    assert!(text.contains("已合并"), "{text}");

    // By QR codes: every code the studio shows is read by a third phone.
    let mut door = day.phone_with_bundle("door.db");
    let first = studio.page(PageId::LogQrShow, t);
    assert!(first.bright);
    assert_eq!(first.refresh_ms, Some(LOG_QR_FRAME_MS));
    let qr = |p: &Page| {
        p.blocks
            .iter()
            .find_map(|b| match b {
                Block::Qr { code, .. } => Some(code.clone()),
                _ => None,
            })
            .expect("a code on the page")
    };
    let mut seen = std::collections::BTreeSet::new();
    let mut last = None;
    let frame = i64::from(LOG_QR_FRAME_MS);
    for k in 0..200 {
        let now = t + k * frame;
        let shown = studio.page(PageId::LogQrShow, now);
        // The same instant asked twice shows the same code.
        assert_eq!(qr(&shown), qr(&studio.page(PageId::LogQrShow, now)));
        let png = qr(&shown).to_png(4).unwrap();
        let read = photoday_core::qr_decode::decode_image_file_bytes(&png).unwrap();
        let text = read.into_iter().next().expect("the code reads");
        if !seen.insert(text.clone()) {
            break; // round again: the sequence repeats itself exactly
        }
        let done = door.perform(Command::Scanned(Scan::LogQr), Input::Text(text), now);
        if let Some((m, tone)) = done.message {
            assert_eq!(tone, Tone::Good, "{}", m.zh);
            last = Some(m.zh);
        } else {
            let p = texts(&door.page(PageId::LogQrReceive, now));
            assert!(p.contains("已收"), "{p}");
        }
    }
    assert!(seen.len() > 1, "the log takes several codes");
    let last = last.expect("the receiver says the log was merged");
    assert!(last.contains("已合并"), "{last}");
    assert_eq!(door.records(), studio.records());

    // The receiving camera is slow: staff pause on a code, step through by hand, then let it cycle.
    let t2 = t + 1_000 * frame;
    studio.perform(Command::LogQrStep { step: 0 }, Input::Nothing, t2);
    let held = studio.page(PageId::LogQrShow, t2);
    assert_eq!(
        held.refresh_ms, None,
        "a paused code stays until staff move on"
    );
    assert_eq!(
        qr(&held),
        qr(&studio.page(PageId::LogQrShow, t2 + 5 * frame))
    );
    studio.perform(
        Command::LogQrStep { step: 1 },
        Input::Nothing,
        t2 + 6 * frame,
    );
    let next = studio.page(PageId::LogQrShow, t2 + 6 * frame);
    assert_ne!(qr(&next), qr(&held), "the next code");
    studio.perform(
        Command::LogQrStep { step: -1 },
        Input::Nothing,
        t2 + 7 * frame,
    );
    assert_eq!(
        qr(&studio.page(PageId::LogQrShow, t2 + 7 * frame)),
        qr(&held)
    );
    studio.perform(Command::LogQrPlay, Input::Nothing, t2 + 8 * frame);
    assert_eq!(
        studio.page(PageId::LogQrShow, t2 + 8 * frame).refresh_ms,
        Some(LOG_QR_FRAME_MS)
    );
    // Shown again later, the sequence starts cycling whatever was held before.
    studio.perform(Command::LogQrStep { step: 0 }, Input::Nothing, t2);
    studio.perform(Command::Open(PageId::LogQrShow), Input::Nothing, t2);
    assert!(studio.page(PageId::LogQrShow, t2).refresh_ms.is_some());

    // The other phone has them all: now the studio may be cleared.
    let ok = studio.perform(Command::ConfirmLogShown, Input::Nothing, t);
    assert_eq!(said(&ok).1, Tone::Good);
    let purged = studio.perform(Command::PurgeStaff, Input::Nothing, t);
    assert_eq!(purged.go, Go::Start);
    assert_eq!(start(&studio.scanner), PageId::Import);
}
