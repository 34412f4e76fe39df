//! A student's phone from the pack to the home: the 学号 entered once, the pass card from the
//! album, a classmate's card refused, the pass replaced by a newer pack, the slot before the pass.

use photoday_core::bundle::{self, BundleContent, BundleKind};
use photoday_core::event::Event;
use photoday_core::keys::EventKey;
use photoday_core::pass::{self, PassBody};
use photoday_core::plan::{plan, PlanSettings};
use photoday_core::qr::QrMatrix;
use photoday_core::student::{SetupStep, StudentPhone};
use photoday_core::time::parse_moment;
use photoday_core::{synthetic, Error, Refusal};

struct Day {
    event: Event,
    key: EventKey,
    plan: photoday_core::plan::Plan,
    dir: tempfile::TempDir,
    /// (student number, session) of two classmates in session 1.
    me: (u64, u8),
    classmate: (u64, u8),
}

impl Day {
    fn new() -> Day {
        let event = Event::template("gzcc-2023").unwrap();
        let roster = synthetic::roster(&event, 120, 7);
        let plan = plan(
            &event,
            &roster,
            PlanSettings {
                per_hour: None,
                cameras: None,
            },
        );
        let mut s1: Vec<_> = roster.in_session(1).map(|s| s.student_no).collect();
        s1.sort();
        Day {
            event,
            key: EventKey::generate(),
            plan,
            dir: tempfile::tempdir().unwrap(),
            me: (s1[0], 1),
            classmate: (s1[1], 1),
        }
    }

    fn pack(&self, revocations: Vec<(u64, u16)>, made_at_ms: i64, with_plan: bool) -> Vec<u8> {
        let content = BundleContent {
            kind: BundleKind::Student,
            made_at_ms,
            event: self.event.clone(),
            keys: vec![self.key.public()],
            revocations,
            students: vec![],
            with_names: false,
            plan: with_plan.then(|| self.plan.clone()),
            trust: Default::default(),
        };
        bundle::seal(&content, &self.key).unwrap()
    }

    fn pass(&self, (no, session): (u64, u8), serial: u16) -> String {
        pass::issue(
            &self.key,
            &self.event.id,
            &PassBody {
                session_index: session,
                student_no: no,
                serial,
            },
        )
        .unwrap()
    }

    fn phone(&self, name: &str) -> StudentPhone {
        StudentPhone::open(self.dir.path().join(name)).unwrap()
    }
}

/// A phone-screen-sized "card": the pass QR at 16 px per module on a 1080×1920 white page,
/// shrunk `shrink` times (1 = the original, 32 = a chat thumbnail far too small).
fn card_png(text: &str, shrink: usize) -> Vec<u8> {
    let qr = QrMatrix::encode(text).unwrap();
    let decoded = png::Decoder::new(std::io::Cursor::new(qr.to_png(16).unwrap()));
    let mut reader = decoded.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let (w, h) = (1080usize, 1920usize);
    let mut page = vec![255u8; w * h];
    let (qw, qh) = (info.width as usize, info.height as usize);
    let (ox, oy) = ((w - qw) / 2, 300);
    for y in 0..qh {
        page[(oy + y) * w + ox..(oy + y) * w + ox + qw].copy_from_slice(&buf[y * qw..(y + 1) * qw]);
    }
    let (sw, sh) = (w / shrink, h / shrink);
    let small: Vec<u8> = (0..sh)
        .flat_map(|y| {
            let page = &page;
            (0..sw).map(move |x| {
                let mut sum = 0u32;
                for dy in 0..shrink {
                    for dx in 0..shrink {
                        sum += page[(y * shrink + dy) * w + x * shrink + dx] as u32;
                    }
                }
                (sum / (shrink * shrink) as u32) as u8
            })
        })
        .collect();
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, sw as u32, sh as u32);
    enc.set_color(png::ColorType::Grayscale);
    enc.set_depth(png::BitDepth::Eight);
    let mut wr = enc.write_header().unwrap();
    wr.write_image_data(&small).unwrap();
    wr.finish().unwrap();
    out
}

fn told(e: Error) -> (Refusal, String, String) {
    match e {
        Error::Told { kind, text } => (kind, text.zh, text.en),
        other => panic!("not a told refusal: {other:?}"),
    }
}

#[test]
fn a_classmates_pass_is_refused_once_the_student_number_is_set_and_names_both_numbers() {
    let day = Day::new();
    let mut phone = day.phone("s.db");
    phone.import_bundle(&day.pack(vec![], 1, true)).unwrap();
    assert_eq!(
        phone.set_student_no(&format!(" {} ", day.me.0)).unwrap(),
        day.me.0
    );

    let (kind, zh, en) = told(phone.import_pass(&day.pass(day.classmate, 0)).unwrap_err());
    assert_eq!(kind, Refusal::NotYourPass);
    assert!(
        zh.contains(&format!("这是学号 {} 的签到码，不是你的", day.classmate.0))
            && zh.contains(&day.me.0.to_string()),
        "{zh}"
    );
    assert!(en.contains(&day.classmate.0.to_string()) && en.contains(&day.me.0.to_string()));
    assert!(phone.pass().is_none(), "nothing was imported");

    // The student's own pass, pasted as text with the chat app's spaces around it, is accepted.
    let mine = phone
        .import_pass(&format!("\n {}  ", day.pass(day.me, 0)))
        .unwrap();
    assert_eq!(mine.student_no, day.me.0);
    // …and the number cannot be changed under it to let a classmate's in.
    let (kind, zh, _) = told(
        phone
            .set_student_no(&day.classmate.0.to_string())
            .unwrap_err(),
    );
    assert_eq!(kind, Refusal::Invalid);
    assert!(zh.contains("清除个人数据"), "{zh}");
}

#[test]
fn a_typed_student_number_is_read_as_people_type_it_and_nonsense_is_refused_in_chinese() {
    let day = Day::new();
    let mut phone = day.phone("s.db");
    let full_width: String = day
        .me
        .0
        .to_string()
        .chars()
        .map(|c| char::from_u32(c as u32 + 0xfee0).unwrap())
        .collect();
    assert_eq!(phone.set_student_no(&full_width).unwrap(), day.me.0);
    let (kind, zh, _) = told(phone.set_student_no("张三").unwrap_err());
    assert_eq!(kind, Refusal::Invalid);
    assert!(zh.contains("不是学号"), "{zh}");
    // The number survives a restart; purge forgets it with the rest of the personal data.
    drop(phone);
    let mut phone = day.phone("s.db");
    assert_eq!(phone.student_no(), Some(day.me.0));
    phone.purge().unwrap();
    assert_eq!(phone.student_no(), None);
}

#[test]
fn a_pass_card_picked_from_the_album_is_read_by_the_core_and_a_classmates_card_is_refused() {
    let day = Day::new();
    let mut phone = day.phone("s.db");
    phone.import_bundle(&day.pack(vec![], 1, true)).unwrap();
    phone.set_student_no(&day.me.0.to_string()).unwrap();

    let (kind, zh, _) = told(
        phone
            .import_pass_image(&card_png(&day.pass(day.classmate, 0), 1))
            .unwrap_err(),
    );
    assert_eq!(kind, Refusal::NotYourPass, "{zh}");

    // A tiny chat thumbnail (1/32 of the card) is too small: the student is told to use the original.
    let (kind, zh, en) = told(
        phone
            .import_pass_image(&card_png(&day.pass(day.me, 0), 32))
            .unwrap_err(),
    );
    assert_eq!(kind, Refusal::Invalid);
    assert!(zh.contains("读不到签到码") && zh.contains("原图"), "{zh}");
    assert!(en.contains("original pass card"), "{en}");

    // Not an image at all, and a file over the cap, are refused before any decoding.
    let (_, zh, _) = told(phone.import_pass_image(b"PD1: not a picture").unwrap_err());
    assert!(zh.contains("不是能打开的图片"), "{zh}");
    let (_, zh, _) = told(
        phone
            .import_pass_image(&vec![0u8; 21 * 1024 * 1024])
            .unwrap_err(),
    );
    assert!(zh.contains("太大"), "{zh}");
    assert!(phone.pass().is_none());

    // The original card, and at a quarter of its size (a chat app's copy), both work.
    let quarter = phone
        .import_pass_image(&card_png(&day.pass(day.me, 0), 4))
        .unwrap();
    assert_eq!(quarter.student_no, day.me.0);
    let info = phone
        .import_pass_image(&card_png(&day.pass(day.me, 0), 1))
        .unwrap();
    assert_eq!((info.student_no, info.session), day.me);
}

#[test]
fn the_setup_flow_is_pack_then_number_then_pass_and_the_slot_shows_before_the_pass() {
    let day = Day::new();
    let mut phone = day.phone("s.db");
    let now = parse_moment("2023-05-31 05:00", day.event.utc_offset).unwrap();
    let step = |phone: &mut StudentPhone| {
        let h = phone.home(now).unwrap();
        (h.setup_step, h.needs_setup)
    };
    assert_eq!(step(&mut phone), (Some(SetupStep::ImportBundle), true));
    phone.import_bundle(&day.pack(vec![], 1, true)).unwrap();
    assert_eq!(step(&mut phone), (Some(SetupStep::EnterStudentNo), true));
    phone.set_student_no(&day.me.0.to_string()).unwrap();
    assert_eq!(step(&mut phone), (Some(SetupStep::ImportPass), true));

    // The pack's plan maps the number to its class: the slot and the countdown show already.
    let home = phone.home(now).unwrap();
    let slot = home.slot.expect("slot from the plan");
    assert_eq!(slot.session, 1);
    assert!(slot.planned);
    assert!(home.class.is_some());
    let countdown = home.countdown.unwrap();
    assert!(
        countdown.zh.starts_with("还有 3 天") && countdown.en.starts_with("in 3 days"),
        "{countdown:?}"
    );
    assert_eq!(
        home.setup_hint.unwrap().zh,
        "从相册选你的签到码卡片，或扫码、粘贴签到码"
    );

    phone.import_pass(&day.pass(day.me, 0)).unwrap();
    let home = phone.home(now).unwrap();
    assert_eq!(
        (home.setup_step, home.needs_setup),
        (Some(SetupStep::SaveCollectionCode), false),
        "the 采集码 is a card on the home, not a setup screen"
    );
    assert_eq!(
        home.slot.unwrap(),
        slot,
        "the pass confirms the plan's slot"
    );
    let evening = parse_moment("2023-06-02 20:00", day.event.utc_offset).unwrap();
    let t = phone.home(evening).unwrap().countdown.unwrap();
    assert!(
        t.zh.starts_with("明天 ") && t.en.starts_with("tomorrow "),
        "{t:?}"
    );
}

#[test]
fn without_a_plan_there_is_no_slot_before_the_pass() {
    let day = Day::new();
    let mut phone = day.phone("s.db");
    phone.import_bundle(&day.pack(vec![], 1, false)).unwrap();
    phone.set_student_no(&day.me.0.to_string()).unwrap();
    let home = phone.home(0).unwrap();
    assert!(home.slot.is_none() && home.countdown.is_none());
    let (kind, zh, _) = told(phone.timeline(0).unwrap_err());
    assert_eq!(kind, Refusal::NotReady);
    assert!(zh.contains("签到码"), "{zh}");
}

#[test]
fn a_newer_pack_that_revokes_the_pass_on_the_phone_tells_the_student_to_get_the_new_one() {
    let day = Day::new();
    let mut phone = day.phone("s.db");
    let first = phone.import_bundle(&day.pack(vec![], 1, true)).unwrap();
    assert!(first.pass_replaced.is_none());
    phone.import_pass(&day.pass(day.me, 0)).unwrap();

    let same = phone.import_bundle(&day.pack(vec![], 2, true)).unwrap();
    assert!(
        same.pass_replaced.is_none(),
        "a newer pack alone changes nothing"
    );
    assert!(phone.pass().is_some());

    let newer = phone
        .import_bundle(&day.pack(vec![(day.me.0, 1)], 3, true))
        .unwrap();
    let told = newer.pass_replaced.expect("the student is told");
    assert!(
        told.zh.contains("重新签发了你的签到码") && told.zh.contains("联络员"),
        "{}",
        told.zh
    );
    assert!(
        phone.pass().is_none(),
        "the void pass is not shown at the door"
    );
    assert_eq!(
        phone.home(0).unwrap().setup_step,
        Some(SetupStep::ImportPass)
    );
    // The re-issued pass (serial 1) is the one that goes in now.
    phone.import_pass(&day.pass(day.me, 1)).unwrap();
}

#[test]
fn the_student_phones_refusals_are_in_chinese_and_english() {
    let day = Day::new();
    let mut phone = day.phone("s.db");
    for e in [
        phone.import_pass(&day.pass(day.me, 0)).unwrap_err(),
        phone.pass_qr().unwrap_err(),
        phone.set_tick("glasses", true, 0).unwrap_err(),
        phone.check_collection_code().unwrap_err(),
        phone.save_collection_code(b"not an image").unwrap_err(),
    ] {
        let (_, zh, en) = told(e);
        assert!(
            zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{zh}"
        );
        assert!(
            !en.is_empty() && en.is_ascii() || en.contains("采集码"),
            "{en}"
        );
    }
    phone.import_bundle(&day.pack(vec![], 1, true)).unwrap();
    let (kind, zh, _) = told(phone.import_pass("PD1:ABC").unwrap_err());
    assert_eq!(kind, Refusal::Invalid);
    assert!(zh.contains("签到码不完整"), "{zh}");
}
