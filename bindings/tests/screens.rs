//! The apps' one entry point keeps the side the phone is on, resolves where it starts, speaks
//! the reader's language, and turns a storage failure into a page that says so (issue 15).

use photoday_ffi::screens::{Block, Command, Go, Input, Mode, PageId, Screens, Tone};
use photoday_ffi::text::Lang;

mod support;

fn screens(dir: &std::path::Path, lang: Lang) -> std::sync::Arc<Screens> {
    Screens::new(
        dir.join("student.db").display().to_string(),
        dir.join("scanner.db").display().to_string(),
        dir.join("mode").display().to_string(),
        lang,
    )
}

#[test]
fn a_new_phone_asks_who_uses_it_and_remembers_the_answer_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let first = screens(dir.path(), Lang::Zh);
    let choice = first.page(PageId::Start, 0);
    assert_eq!(choice.id, PageId::ModeChoice);
    assert!(!choice.can_go_back);
    assert!(choice.title.contains("PhotoDay"));

    let chosen = first.perform(
        Command::ChooseMode {
            mode: Mode::Student,
        },
        Input::Nothing,
        0,
    );
    assert_eq!(chosen.go, Go::Start);
    assert_eq!(first.mode(), Some(Mode::Student));
    assert_eq!(first.page(PageId::Start, 0).id, PageId::Home);

    // The app is killed and opened again: the same side, straight to the student's home.
    drop(first);
    let again = screens(dir.path(), Lang::Zh);
    assert_eq!(again.mode(), Some(Mode::Student));
    let home = again.page(PageId::Start, 0);
    assert_eq!(home.id, PageId::Home);
    assert!(
        !home.can_go_back,
        "the start page has nowhere to go back to"
    );
}

#[test]
fn a_staff_phone_without_a_bundle_starts_at_the_import_and_can_switch_back() {
    let dir = tempfile::tempdir().unwrap();
    let s = screens(dir.path(), Lang::En);
    s.perform(Command::ChooseMode { mode: Mode::Staff }, Input::Nothing, 0);
    assert_eq!(s.page(PageId::Start, 0).id, PageId::Import);
    s.perform(
        Command::ChooseMode {
            mode: Mode::Student,
        },
        Input::Nothing,
        0,
    );
    assert_eq!(s.page(PageId::Start, 0).id, PageId::Home);
}

#[test]
fn the_mode_choice_speaks_the_readers_language() {
    let dir = tempfile::tempdir().unwrap();
    let s = screens(dir.path(), Lang::Zh);
    let zh = s.page(PageId::ModeChoice, 0);
    s.set_lang(Lang::En);
    let en = s.page(PageId::ModeChoice, 0);
    let first_button = |p: &photoday_ffi::screens::Page| {
        p.blocks
            .iter()
            .find_map(|b| match b {
                Block::Button { action } => Some(action.label.clone()),
                _ => None,
            })
            .unwrap()
    };
    assert_eq!(first_button(&zh), "我是毕业生");
    assert_eq!(first_button(&en), "I am a graduating student");
    assert_eq!(s.words().cancel, "Cancel");
}

#[test]
fn a_database_that_cannot_be_opened_shows_a_page_that_says_so_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    // Not a database: a file someone put where the student database belongs.
    let junk = b"this is not a PhotoDay database, it is a text file".repeat(200);
    std::fs::write(dir.path().join("student.db"), &junk).unwrap();
    let s = screens(dir.path(), Lang::En);
    s.perform(
        Command::ChooseMode {
            mode: Mode::Student,
        },
        Input::Nothing,
        0,
    );
    let page = s.page(PageId::Start, 0);
    let said = page
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Line { tone: Tone::Refused, text } if !text.is_empty()));
    assert!(said, "the page says what went wrong: {page:?}");
    assert_eq!(std::fs::read(dir.path().join("student.db")).unwrap(), junk);
    let tick = s.perform(Command::PurgeStudent, Input::Nothing, 0);
    assert_eq!(tick.tone, Tone::Refused);
    assert!(tick.message.is_some());
}

#[test]
fn a_refused_code_held_before_the_students_camera_is_refused_once_not_every_frame() {
    let dir = tempfile::tempdir().unwrap();
    let s = screens(dir.path(), Lang::En);
    s.perform(
        Command::ChooseMode {
            mode: Mode::Student,
        },
        Input::Nothing,
        0,
    );
    let read = |now: i64| {
        s.perform(
            Command::Scanned {
                scan: photoday_ffi::screens::Scan::Pass,
            },
            Input::Text {
                text: "https://weixin.qq.com/not-a-pass".into(),
            },
            now,
        )
    };
    let first = read(1_000);
    assert_eq!(first.tone, Tone::Refused, "{first:?}");
    for k in 1..=20 {
        let again = read(1_000 + k * 100);
        assert_eq!(again.go, Go::Unchanged, "frame {k}: {again:?}");
        assert!(again.message.is_none());
    }
    // Taken away and shown again later: judged again, so the student sees why once more.
    assert_eq!(read(10_000).tone, Tone::Refused);
}

#[test]
fn a_file_opened_before_anyone_chose_a_side_waits_and_goes_to_the_side_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let s = screens(dir.path(), Lang::En);
    let (pack, _) = support::pack_and_pass();
    let early = s.perform(Command::Import, Input::Bytes { bytes: pack }, 0);
    assert_eq!(early.tone, Tone::Attention, "{early:?}");
    assert!(early.message.unwrap().contains("First choose"));
    assert_eq!(s.mode(), None);
    assert_eq!(
        s.page(PageId::Start, 0).id,
        PageId::ModeChoice,
        "nothing imported yet"
    );

    let chosen = s.perform(
        Command::ChooseMode {
            mode: Mode::Student,
        },
        Input::Nothing,
        0,
    );
    assert_eq!(chosen.go, Go::Start);
    assert_eq!(
        chosen.tone,
        Tone::Good,
        "the student side imported the pack: {chosen:?}"
    );
    // The pack is in: the home's setup now asks for the student number, not the pack.
    let home = s.page(PageId::Start, 0);
    assert_eq!(home.id, PageId::Home);
    assert!(
        home.blocks
            .iter()
            .any(|b| matches!(b, Block::Field { numeric: true, .. })),
        "{home:?}"
    );
    // Choosing again later imports nothing twice.
    let again = s.perform(
        Command::ChooseMode {
            mode: Mode::Student,
        },
        Input::Nothing,
        0,
    );
    assert!(again.message.is_none());
}
