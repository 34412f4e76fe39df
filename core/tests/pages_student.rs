//! The student's pages as the notice's day goes: a fresh phone asks for the class's pack, then the
//! 学号, then the pass; the home then shows the room, when to be at the door and how long is left;
//! the pass is a bright QR code that reads back as the pass; the checklist ticks; garbage and a
//! classmate's card are refused in red and change nothing; after the shoot the number shows; and
//! deleting my data starts setup again.

mod common;

use photoday_core::admin::EventFolder;
use photoday_core::bundle::BundleKind;
use photoday_core::pages::student::{page, perform};
use photoday_core::pages::{
    Action, Block, Command, Go, Input, Needs, Outcome, Page, PageId, Scan, Tone,
};
use photoday_core::qr::QrMatrix;
use photoday_core::shot::ShotNumber;
use photoday_core::student::StudentPhone;
use photoday_core::text::Text;
use photoday_core::time::{parse_moment, UnixMillis};

struct Day {
    dir: tempfile::TempDir,
    folder: EventFolder,
    /// (student number, pass text) of two classmates in session 1 (一教104).
    me: (u64, String),
    classmate: (u64, String),
}

impl Day {
    fn new() -> Day {
        let (dir, folder, passes) = common::event_folder(30, 5);
        let mut s1: Vec<_> = passes
            .into_iter()
            .filter(|p| p.1 == 1)
            .map(|p| (p.0, p.2))
            .collect();
        s1.sort();
        Day {
            dir,
            folder,
            me: s1[0].clone(),
            classmate: s1[1].clone(),
        }
    }

    fn at(&self, local: &str) -> UnixMillis {
        parse_moment(local, self.folder.event().utc_offset).unwrap()
    }

    fn pack(&mut self) -> Vec<u8> {
        self.folder.bundle(BundleKind::Student, false, 1).unwrap()
    }

    fn phone(&self) -> StudentPhone {
        StudentPhone::open(self.dir.path().join("student.db")).unwrap()
    }

    /// A phone through setup by the pages' own actions: the pack, the 学号, the pass.
    fn ready_phone(&mut self, now: UnixMillis) -> StudentPhone {
        let pack = self.pack();
        let mut phone = self.phone();
        ok(perform(
            &mut phone,
            &Command::Import,
            &Input::Bytes(pack),
            now,
        ));
        ok(perform(
            &mut phone,
            &Command::SetStudentNo,
            &Input::Text(self.me.0.to_string()),
            now,
        ));
        ok(perform(
            &mut phone,
            &Command::Import,
            &Input::Text(self.me.1.clone()),
            now,
        ));
        phone
    }
}

/// The outcome's message, which must be green.
fn ok(done: Outcome) -> Outcome {
    let (text, tone) = done.message.clone().expect("a message");
    assert_eq!(tone, Tone::Good, "{text:?}");
    done
}

/// The outcome's message, which must be red.
fn refused(done: &Outcome) -> &Text {
    let (text, tone) = done.message.as_ref().expect("a message");
    assert_eq!(*tone, Tone::Refused, "{text:?}");
    text
}

/// Every text a user can read on the page.
fn texts(p: &Page) -> Vec<&Text> {
    fn of_action(a: &Action) -> Vec<&Text> {
        let mut t = vec![&a.label];
        t.extend(a.confirm.as_ref());
        if let Needs::Text { label } = &a.needs {
            t.push(label);
        }
        t
    }
    let mut all = vec![&p.title];
    for b in &p.blocks {
        match b {
            Block::Heading { text } | Block::Line { text, .. } => all.push(text),
            Block::Card {
                title,
                lines,
                actions,
                ..
            } => {
                all.extend(title.as_ref());
                all.extend(lines);
                actions.iter().for_each(|a| all.extend(of_action(a)));
            }
            Block::Row {
                text,
                detail,
                action,
                ..
            } => {
                all.push(text);
                all.extend(detail.as_ref());
                action.iter().for_each(|a| all.extend(of_action(a)));
            }
            Block::Toggle { text, action, .. } => {
                all.push(text);
                all.extend(of_action(action));
            }
            Block::Button { action } => all.extend(of_action(action)),
            Block::Qr { caption, .. } => all.extend(caption.as_ref()),
            Block::Image { caption, .. } => all.push(caption),
            Block::Camera { hint, .. } => all.push(hint),
            Block::Field { label, submit, .. } => {
                all.push(label);
                all.extend(of_action(submit));
            }
            Block::Progress { text, .. } | Block::Call { text, .. } => all.push(text),
        }
    }
    p.menu.iter().for_each(|a| all.extend(of_action(a)));
    all
}

/// Every action on the page, menu included.
fn actions(p: &Page) -> Vec<&Action> {
    let mut all: Vec<&Action> = p.menu.iter().collect();
    for b in &p.blocks {
        match b {
            Block::Card { actions, .. } => all.extend(actions),
            Block::Row { action, .. } => all.extend(action.as_ref()),
            Block::Toggle { action, .. } | Block::Button { action } => all.push(action),
            Block::Field { submit, .. } => all.push(submit),
            _ => {}
        }
    }
    all
}

fn find_action<'a>(p: &'a Page, command: &Command) -> Option<&'a Action> {
    actions(p).into_iter().find(|a| &a.command == command)
}

fn all_pages(phone: &mut StudentPhone, now: UnixMillis) -> Vec<Page> {
    [
        PageId::Home,
        PageId::Pass,
        PageId::CollectionCode,
        PageId::CollectionCodeFull,
        PageId::Checklist,
        PageId::Timeline,
        PageId::Notice,
        PageId::Import,
        PageId::Door,
    ]
    .into_iter()
    .map(|id| page(phone, id, now).unwrap())
    .collect()
}

/// Chinese first, English too, on every text of every page.
fn assert_bilingual(pages: &[Page]) {
    for p in pages {
        for t in texts(p) {
            assert!(
                !t.zh.trim().is_empty() && !t.en.trim().is_empty(),
                "{:?}: {t:?}",
                p.id
            );
        }
    }
}

#[test]
fn a_fresh_phone_asks_for_the_pack_then_the_number_then_the_pass() {
    let mut day = Day::new();
    let now = day.at("2023-05-31 05:00");
    let mut phone = day.phone();

    let home = page(&mut phone, PageId::Home, now).unwrap();
    assert!(!home.can_go_back);
    assert!(texts(&home)
        .iter()
        .any(|t| t.zh == "打开联络员发在群里的学历照采集资料包"));
    let open = find_action(&home, &Command::Import).expect("open the pack");
    assert_eq!(open.needs, Needs::File);
    assert!(!home.blocks.iter().any(|b| matches!(b, Block::Field { .. })));
    let purge = find_action(&home, &Command::PurgeStudent).expect("delete my data in the menu");
    assert!(purge.confirm.is_some(), "deleting asks first");
    assert!(home
        .menu
        .iter()
        .any(|a| a.command == Command::Open(PageId::Import)));
    assert!(home
        .menu
        .iter()
        .any(|a| matches!(a.command, Command::ChooseMode(_))));
    assert_bilingual(&all_pages(&mut phone, now));

    // The pack: setup moves on, so the app starts over at the home with the next step.
    let pack = day.pack();
    let done = ok(perform(
        &mut phone,
        &Command::Import,
        &Input::Bytes(pack),
        now,
    ));
    assert_eq!(done.go, Go::Start);
    assert!(done.message.unwrap().0.zh.starts_with("已导入"));
    let home = page(&mut phone, PageId::Home, now).unwrap();
    let submit = home.blocks.iter().find_map(|b| match b {
        Block::Field {
            numeric: true,
            submit,
            ..
        } => Some(submit),
        _ => None,
    });
    assert_eq!(
        submit.expect("the 学号 field").command,
        Command::SetStudentNo
    );

    let done = perform(
        &mut phone,
        &Command::SetStudentNo,
        &Input::Text("12ab".into()),
        now,
    );
    assert!(refused(&done).zh.contains("不是学号"));
    ok(perform(
        &mut phone,
        &Command::SetStudentNo,
        &Input::Text(day.me.0.to_string()),
        now,
    ));
    let home = page(&mut phone, PageId::Home, now).unwrap();
    let pick = actions(&home)
        .into_iter()
        .find(|a| a.command == Command::Import && a.needs == Needs::Photo);
    assert!(pick.is_some(), "pick the pass card from the album");
    assert!(actions(&home).iter().any(|a| a.needs == Needs::Clipboard));
    assert!(
        find_action(&home, &Command::Open(PageId::Import)).is_some(),
        "scan the card"
    );

    // The pass, pasted: the home is ready.
    let done = ok(perform(
        &mut phone,
        &Command::Import,
        &Input::Text(day.me.1.clone()),
        now,
    ));
    assert_eq!(done.go, Go::Start);
    assert!(done.message.unwrap().0.zh.contains(&day.me.0.to_string()));
    assert!(phone.setup_step().is_some_and(|s| !s.blocks_home()));
}

#[test]
fn the_home_shows_the_room_when_to_be_at_the_door_and_how_long_is_left() {
    let mut day = Day::new();
    let now = day.at("2023-05-31 05:00");
    let mut phone = day.ready_phone(now);
    let home = page(&mut phone, PageId::Home, now).unwrap();
    assert_eq!(home.refresh_ms, Some(30_000), "the countdown moves");
    assert!(!home.can_go_back);
    let (title, big, lines) = home
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Card {
                tone: Tone::Accent,
                title,
                big,
                lines,
                ..
            } => Some((title, big, lines)),
            _ => None,
        })
        .expect("the slot card");
    let countdown = title.as_ref().expect("the countdown");
    assert!(
        countdown.zh.starts_with("还有 3 天") && countdown.en.starts_with("in 3 days"),
        "{countdown:?}"
    );
    assert!(lines.iter().any(|l| l.zh.contains("一教104")), "{lines:?}");
    let arrive = lines
        .iter()
        .find(|l| l.zh.starts_with("请在 2023-06-03 "))
        .expect("arrive-by");
    assert!(
        arrive.zh.ends_with("前到门口") && arrive.en.starts_with("Be at the door by 2023-06-03 ")
    );
    let big = big.as_ref().expect("the arrive-by time, large");
    assert!(arrive.zh.contains(big.as_str()), "{big} in {arrive:?}");
    // The 采集码 is still to save: a card on the home, opening its page.
    assert!(texts(&home)
        .iter()
        .any(|t| t.zh == "保存你的学信网采集码截图"));
    for to in [
        PageId::Pass,
        PageId::CollectionCode,
        PageId::Checklist,
        PageId::Timeline,
        PageId::Notice,
    ] {
        assert!(find_action(&home, &Command::Open(to)).is_some(), "{to:?}");
    }
    assert_eq!(
        perform(
            &mut phone,
            &Command::Open(PageId::Pass),
            &Input::Nothing,
            now
        )
        .go,
        Go::Open(PageId::Pass)
    );
    assert_bilingual(&all_pages(&mut phone, now));

    // On the evening before, the countdown says tomorrow.
    let home = page(&mut phone, PageId::Home, day.at("2023-06-02 20:00")).unwrap();
    assert!(texts(&home)
        .iter()
        .any(|t| t.zh.starts_with("明天 ") && t.en.starts_with("tomorrow ")));
}

#[test]
fn the_pass_is_bright_and_its_qr_reads_back_as_the_pass() {
    let mut day = Day::new();
    let now = day.at("2023-05-31 05:00");
    let mut phone = day.phone();
    let before = page(&mut phone, PageId::Pass, now).unwrap();
    assert!(!before.bright);
    assert!(!before.blocks.iter().any(|b| matches!(b, Block::Qr { .. })));
    assert!(find_action(&before, &Command::Open(PageId::Import)).is_some());

    let mut phone = {
        drop(phone);
        day.ready_phone(now)
    };
    let pass = page(&mut phone, PageId::Pass, now).unwrap();
    assert!(pass.bright);
    let (code, caption) = pass
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Qr { code, caption } => Some((code, caption)),
            _ => None,
        })
        .expect("the QR code");
    assert_eq!(*code, QrMatrix::encode(&day.me.1).unwrap());
    let png = code.to_png(4).unwrap();
    let read = photoday_core::qr_decode::decode_image_file_bytes(&png).unwrap();
    assert_eq!(read, vec![day.me.1.clone()]);
    assert!(caption.as_ref().unwrap().zh.contains(&day.me.0.to_string()));
    assert!(pass.blocks.iter().any(|b| matches!(
        b,
        Block::Card { big: Some(n), lines, .. } if *n == day.me.0.to_string() && lines.iter().any(|l| l.zh == "一教104")
    )));
}

#[test]
fn ticking_an_item_ticks_it_on_the_checklist() {
    let mut day = Day::new();
    let now = day.at("2023-05-31 05:00");
    let mut phone = day.phone();
    let empty = page(&mut phone, PageId::Checklist, now).unwrap();
    assert!(texts(&empty)
        .iter()
        .any(|t| t.zh == "打开资料包后可查看准备清单。"));
    let mut phone = {
        drop(phone);
        day.ready_phone(now)
    };
    let toggles = |p: &Page| -> Vec<(String, bool, Command)> {
        p.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Toggle { text, on, action } => {
                    Some((text.zh.clone(), *on, action.command.clone()))
                }
                _ => None,
            })
            .collect()
    };
    let list = page(&mut phone, PageId::Checklist, now).unwrap();
    let before = toggles(&list);
    assert!(before.len() > 3 && before.iter().all(|t| !t.1));
    let total = before.len();
    assert!(texts(&list)
        .iter()
        .any(|t| t.zh == format!("准备清单 0/{total}")));
    let tick = before[1].2.clone();
    assert!(matches!(&tick, Command::Tick { ticked: true, .. }));

    let done = perform(&mut phone, &tick, &Input::Nothing, now);
    assert!(done.message.is_none() && done.go == Go::Stay, "{done:?}");
    let list = page(&mut phone, PageId::Checklist, now).unwrap();
    let after = toggles(&list);
    assert!(after[1].1 && !after[0].1);
    assert!(
        matches!(&after[1].2, Command::Tick { ticked: false, .. }),
        "tapping again unticks"
    );
    assert!(texts(&list)
        .iter()
        .any(|t| t.zh == format!("准备清单 1/{total}")));
    let home = page(&mut phone, PageId::Home, now).unwrap();
    assert!(texts(&home)
        .iter()
        .any(|t| t.zh == format!("准备清单 1/{total}")));

    let bogus = Command::Tick {
        id: "no-such-item".into(),
        ticked: true,
    };
    assert!(refused(&perform(&mut phone, &bogus, &Input::Nothing, now))
        .zh
        .contains("no-such-item"));
}

#[test]
fn garbage_and_a_classmates_card_are_refused_in_red_and_change_nothing() {
    let mut day = Day::new();
    let now = day.at("2023-05-31 05:00");
    let mut phone = day.ready_phone(now);
    let pages = all_pages(&mut phone, now);

    let done = perform(
        &mut phone,
        &Command::Import,
        &Input::Bytes(b"\x00\x01 not a pack".to_vec()),
        now,
    );
    assert!(
        refused(&done).zh.contains("不是学历照采集的资料包"),
        "{done:?}"
    );
    assert_eq!(done.go, Go::Stay);
    let done = perform(
        &mut phone,
        &Command::Import,
        &Input::Text("hello".into()),
        now,
    );
    assert!(refused(&done).zh.contains("这不是签到码"), "{done:?}");
    let card = QrMatrix::encode(&day.classmate.1)
        .unwrap()
        .to_png(6)
        .unwrap();
    let done = perform(&mut phone, &Command::Import, &Input::Bytes(card), now);
    let why = refused(&done);
    assert!(
        why.zh.contains(&day.classmate.0.to_string()) && why.zh.contains(&day.me.0.to_string()),
        "{why:?}"
    );
    let done = perform(
        &mut phone,
        &Command::Scanned(Scan::Pass),
        &Input::Text(day.classmate.1.clone()),
        now,
    );
    refused(&done);
    let done = perform(
        &mut phone,
        &Command::SaveCollectionCode,
        &Input::Bytes(b"not an image".to_vec()),
        now,
    );
    assert!(refused(&done).zh.contains("不是能打开的图片"));
    let done = perform(&mut phone, &Command::CloseBatch, &Input::Nothing, now);
    assert!(refused(&done).zh.contains("工作人员"));

    assert_eq!(all_pages(&mut phone, now), pages, "nothing changed");
}

#[test]
fn the_import_page_takes_a_file_text_or_the_camera_and_goes_back() {
    let mut day = Day::new();
    let now = day.at("2023-05-31 05:00");
    let mut phone = day.ready_phone(now);
    let import = page(&mut phone, PageId::Import, now).unwrap();
    assert!(import.blocks.iter().any(|b| matches!(
        b,
        Block::Camera {
            scan: Scan::Pass,
            ..
        }
    )));
    let needs: Vec<&Needs> = actions(&import)
        .into_iter()
        .filter(|a| a.command == Command::Import)
        .map(|a| &a.needs)
        .collect();
    for n in [Needs::File, Needs::Photo, Needs::Clipboard, Needs::Nothing] {
        assert!(needs.contains(&&n), "{n:?} in {needs:?}");
    }
    // A newer pack on a ready phone: back to where the student came from.
    let pack = day.pack();
    assert_eq!(
        ok(perform(
            &mut phone,
            &Command::Import,
            &Input::Bytes(pack),
            now
        ))
        .go,
        Go::Back
    );
    // The camera sees the pass already on the phone again and again: nothing to do.
    let again = perform(
        &mut phone,
        &Command::Scanned(Scan::Pass),
        &Input::Text(day.me.1.clone()),
        now,
    );
    assert_eq!(again, Outcome::go(Go::Unchanged));
}

#[test]
fn after_the_session_began_the_home_asks_and_the_studio_number_answers() {
    let mut day = Day::new();
    let mut phone = day.ready_phone(day.at("2023-05-31 05:00"));
    let during = day.at("2023-06-03 10:30");
    let home = page(&mut phone, PageId::Home, during).unwrap();
    let prompt = home
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Card {
                tone: Tone::Attention,
                actions,
                ..
            } if actions.len() == 2 => Some(actions),
            _ => None,
        })
        .expect("the shot prompt");
    assert_eq!(
        prompt[0].command,
        Command::Open(PageId::Import),
        "scan the number code"
    );
    assert_eq!(prompt[1].command, Command::ShotDone { done: true });

    let number = ShotNumber {
        event_id: day.folder.event().id.clone(),
        session: 1,
        student_no: day.me.0,
        photo_no: "037".into(),
        batch: 5,
    };
    // The import page's camera reads the studio phone's code as well as a pass.
    let done = ok(perform(
        &mut phone,
        &Command::Scanned(Scan::Pass),
        &Input::Text(number.to_text()),
        during,
    ));
    assert_eq!(done.go, Go::Back);
    assert_eq!(done.message.unwrap().0.zh, "一教104 · 037 · 第5批");
    let again = perform(
        &mut phone,
        &Command::Scanned(Scan::PhotoNumber),
        &Input::Text(number.to_text()),
        during,
    );
    assert_eq!(again.go, Go::Unchanged);
    let home = page(&mut phone, PageId::Home, during).unwrap();
    assert!(home.blocks.iter().any(|b| matches!(
        b,
        Block::Card { tone: Tone::Good, big: Some(n), .. } if n == "037"
    )));
    assert!(find_action(&home, &Command::ShotDone { done: true }).is_none());

    let classmates = ShotNumber {
        student_no: day.classmate.0,
        ..number
    };
    let done = perform(
        &mut phone,
        &Command::Scanned(Scan::PhotoNumber),
        &Input::Text(classmates.to_text()),
        during,
    );
    assert!(refused(&done).zh.contains(&day.classmate.0.to_string()));
}

#[test]
fn i_have_been_photographed_can_be_said_and_taken_back() {
    let mut day = Day::new();
    let mut phone = day.ready_phone(day.at("2023-05-31 05:00"));
    let during = day.at("2023-06-03 10:30");
    let done = ok(perform(
        &mut phone,
        &Command::ShotDone { done: true },
        &Input::Nothing,
        during,
    ));
    assert_eq!(done.message.unwrap().0.zh, "已拍完");
    let home = page(&mut phone, PageId::Home, during).unwrap();
    let undo = find_action(&home, &Command::ShotDone { done: false }).expect("take it back");
    perform(&mut phone, &undo.command.clone(), &Input::Nothing, during);
    let home = page(&mut phone, PageId::Home, during).unwrap();
    assert!(
        find_action(&home, &Command::ShotDone { done: true }).is_some(),
        "the question again"
    );
}

#[test]
fn the_collection_code_is_saved_checked_and_shown_full_screen() {
    let mut day = Day::new();
    let now = day.at("2023-05-31 05:00");
    let mut phone = day.ready_phone(now);
    let code = page(&mut phone, PageId::CollectionCode, now).unwrap();
    assert!(!code.blocks.iter().any(|b| matches!(b, Block::Image { .. })));
    let pick = actions(&code)
        .into_iter()
        .find(|a| a.command == Command::SaveCollectionCode && a.needs == Needs::Photo);
    assert!(pick.is_some());
    assert!(texts(&code).iter().any(|t| t.zh == "如何获取采集码"));
    // The seed notice carries no steps: the page points to its attachment, as the timeline does.
    let how = photoday_core::timeline::how_to_get_code(phone.event().unwrap());
    assert!(how.zh.contains("附件"));
    assert!(texts(&code).contains(&&how));

    let png = QrMatrix::encode("XJ-2023-CODE-0001")
        .unwrap()
        .to_png(8)
        .unwrap();
    let done = ok(perform(
        &mut phone,
        &Command::SaveCollectionCode,
        &Input::Bytes(png.clone()),
        now,
    ));
    assert!(done.message.unwrap().0.zh.starts_with("采集码已保存"));
    let code = page(&mut phone, PageId::CollectionCode, now).unwrap();
    assert!(code
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Image { bytes, .. } if *bytes == png)));
    assert!(code.blocks.iter().any(
        |b| matches!(b, Block::Line { tone: Tone::Good, text } if text.zh == "扫码枪可以读取此码。")
    ));
    assert!(find_action(&code, &Command::Open(PageId::CollectionCodeFull)).is_some());
    ok(perform(
        &mut phone,
        &Command::CheckCollectionCode,
        &Input::Nothing,
        now,
    ));
    let full = page(&mut phone, PageId::CollectionCodeFull, now).unwrap();
    assert!(full.bright);
    assert!(full
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Image { bytes, .. } if *bytes == png)));
    let home = page(&mut phone, PageId::Home, now).unwrap();
    assert!(texts(&home).iter().any(|t| t.zh == "采集码已保存"));
    assert!(!texts(&home)
        .iter()
        .any(|t| t.zh == "保存你的学信网采集码截图"));
}

#[test]
fn the_timeline_and_the_notice_come_from_the_core() {
    let mut day = Day::new();
    let now = day.at("2023-05-31 05:00");
    let mut phone = day.phone();
    let early = page(&mut phone, PageId::Timeline, now).unwrap();
    assert!(early.blocks.iter().any(|b| matches!(
        b,
        Block::Line {
            tone: Tone::Attention,
            ..
        }
    )));
    let mut phone = {
        drop(phone);
        day.ready_phone(now)
    };
    let items = phone.timeline(now).unwrap();
    let timeline = page(&mut phone, PageId::Timeline, now).unwrap();
    let cards: Vec<_> = timeline
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Card { tone, lines, .. } => Some((tone, lines)),
            _ => None,
        })
        .collect();
    assert_eq!(cards.len(), items.len());
    for (item, (tone, lines)) in items.iter().zip(&cards) {
        assert_eq!(lines[0], item.when_line());
        let due = item.status == photoday_core::timeline::Status::Due;
        assert_eq!(**tone == Tone::Attention, due, "{item:?}");
        let past = item.status == photoday_core::timeline::Status::Past;
        assert_eq!(
            **tone == Tone::Muted,
            past,
            "past dates are drawn quieter: {item:?}"
        );
    }
    assert!(
        cards.iter().any(|(_, l)| l[0].zh.ends_with("· 已过")),
        "the fee deadline is past"
    );

    let notice = page(&mut phone, PageId::Notice, now).unwrap();
    let n = photoday_core::notice::notice(phone.event().unwrap());
    assert!(texts(&notice).contains(&&n.title));
    let calls: Vec<_> = notice
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Call { text, number } => Some((text, number)),
            _ => None,
        })
        .collect();
    assert!(!calls.is_empty(), "the numbers to call");
    for (text, number) in calls {
        assert!(text.zh.starts_with("拨打 ") && text.zh.contains(number.as_str()));
    }
}

#[test]
fn deleting_my_data_starts_setup_again() {
    let mut day = Day::new();
    let now = day.at("2023-05-31 05:00");
    let mut phone = day.ready_phone(now);
    let home = page(&mut phone, PageId::Home, now).unwrap();
    let purge = find_action(&home, &Command::PurgeStudent)
        .unwrap()
        .command
        .clone();
    let done = ok(perform(&mut phone, &purge, &Input::Nothing, now));
    assert_eq!(done.go, Go::Start);
    let home = page(&mut phone, PageId::Home, now).unwrap();
    assert!(phone.pass().is_none());
    assert!(
        home.blocks.iter().any(
            |b| matches!(b, Block::Field { submit, .. } if submit.command == Command::SetStudentNo)
        ),
        "setup asks for the 学号 again (the public pack stays)"
    );
    assert!(!home.blocks.iter().any(|b| matches!(
        b,
        Block::Card {
            tone: Tone::Accent,
            ..
        }
    )));
}

#[test]
fn a_notice_with_the_steps_to_get_the_collection_code_shows_them_numbered() {
    use photoday_core::event::CodeRoute;
    let mut day = Day::new();
    let now = day.at("2023-05-31 05:00");
    let mut content = day
        .folder
        .bundle_content(BundleKind::Student, false, 1)
        .unwrap();
    content.trust.counter = day.folder.next_bundle_counter().unwrap();
    content.event.collection_code_steps = vec![CodeRoute {
        title: Text::new("学信网 App", "The CHSI app"),
        steps: vec![
            Text::new("登录学信网 App", "Log in to the CHSI app"),
            Text::new("点“图像采集码”", "Tap “图像采集码”"),
        ],
    }];
    let pack = photoday_core::bundle::seal(&content, &day.folder.key().unwrap()).unwrap();
    let mut phone = day.phone();
    ok(perform(
        &mut phone,
        &Command::Import,
        &Input::Bytes(pack),
        now,
    ));
    let code = page(&mut phone, PageId::CollectionCode, now).unwrap();
    let route = code.blocks.iter().find_map(|b| match b {
        Block::Card {
            title: Some(t),
            lines,
            ..
        } if t.zh == "学信网 App" => Some(lines),
        _ => None,
    });
    assert_eq!(
        route.expect("the route's card"),
        &vec![
            Text::new("1. 登录学信网 App", "1. Log in to the CHSI app"),
            Text::new("2. 点“图像采集码”", "2. Tap “图像采集码”"),
        ]
    );
    let attachment = photoday_core::timeline::how_to_get_code(
        &photoday_core::Event::template("gzcc-2023").unwrap(),
    );
    assert!(
        !texts(&code).contains(&&attachment),
        "the steps replace the pointer to the attachment"
    );
}
