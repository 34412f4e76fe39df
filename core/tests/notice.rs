//! The built-in event is the notice 广商教文〔2023〕27号, row by row, and bad event files are
//! refused with the field named.

use photoday_core::event::Event;
use photoday_core::Error;

/// One row of the notice's table: college, date, windows, room.
type Row = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static str,
);

/// The notice's table, transcribed by hand from seed/notice-gzcc-2023.txt.
const NOTICE_TABLE: &[Row] = &[
    (
        "信息技术与工程学院",
        "2023-06-03",
        &[("09:30", "12:00"), ("14:00", "16:00")],
        "一教104",
    ),
    (
        "会计学院",
        "2023-06-03",
        &[("09:30", "12:00"), ("14:00", "16:00")],
        "一教108",
    ),
    (
        "外国语学院",
        "2023-06-03",
        &[("09:30", "12:00"), ("14:00", "16:00")],
        "一教206",
    ),
    (
        "法学院",
        "2023-06-03",
        &[("09:30", "12:00"), ("14:00", "16:00")],
        "一教209",
    ),
    (
        "经济学院",
        "2023-06-04",
        &[("09:30", "12:00"), ("14:00", "16:00")],
        "一教104",
    ),
    (
        "艺术设计学院",
        "2023-06-04",
        &[("09:30", "12:00"), ("14:00", "15:00")],
        "一教108",
    ),
    (
        "现代信息产业学院",
        "2023-06-04",
        &[("09:30", "12:00"), ("14:00", "15:00")],
        "一教206",
    ),
    (
        "数字经济产业学院",
        "2023-06-04",
        &[("15:00", "16:30")],
        "一教206",
    ),
    (
        "管理学院",
        "2023-06-04",
        &[("09:30", "12:00"), ("14:00", "14:30")],
        "一教209",
    ),
    ("国际学院", "2023-06-04", &[("14:30", "16:30")], "一教209"),
];

#[test]
fn the_built_in_template_equals_the_notices_table_row_by_row() {
    let e = Event::template("gzcc-2023").unwrap();
    assert_eq!(e.sessions.len(), NOTICE_TABLE.len());
    for (i, (s, (college, date, windows, room))) in e.sessions.iter().zip(NOTICE_TABLE).enumerate()
    {
        assert_eq!(s.college.zh, *college, "row {}", i + 1);
        assert_eq!(s.date.to_string(), *date, "row {}", i + 1);
        assert_eq!(s.room.zh, *room, "row {}", i + 1);
        let got: Vec<(String, String)> = s
            .windows
            .iter()
            .map(|w| {
                (
                    w.start.format("%H:%M").to_string(),
                    w.end.format("%H:%M").to_string(),
                )
            })
            .collect();
        let want: Vec<(String, String)> = windows
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want, "row {} ({college})", i + 1);
    }
}

#[test]
fn the_template_carries_the_notices_money_deadlines_and_rules() {
    let e = Event::template("gzcc-2023").unwrap();
    assert_eq!(e.school.code, "13667");
    assert_eq!(e.fee.yuan, 15);
    assert_eq!(e.fee.deadline.to_string(), "2023-05-20 17:00:00");
    assert_eq!(e.makeup.deadline.to_string(), "2024-04-30 17:00:00");
    assert_eq!(e.makeup.fee_yuan, 60);
    assert_eq!(e.makeup.phone, "020-83398378");
    assert!(e.makeup.place.zh.contains("府前路21号205"));
    assert_eq!(e.makeup.school_code, "13667");
    assert_eq!(e.verification.after_days, 40);
    assert!(e.verification.site.contains("chsi.com.cn"));
    assert_eq!(e.arrive_early_minutes, 20);
    assert!((5..=8).contains(&e.batch_size));
    assert_eq!(e.utc_offset.local_minus_utc(), 8 * 3600);
    // 附件：查询采集码步骤 is not part of the notice's text: the template invents no steps, and
    // the school's own, pasted into event.toml, are read.
    assert!(e.collection_code_steps.is_empty());
    let filled = format!(
        "{}\n[[collection_code_steps]]\ntitle = {{ zh = \"学信网App\", en = \"CHSI app\" }}\nsteps = [{{ zh = \"登录\", en = \"Log in\" }}]\n",
        photoday_core::event::GZCC_2023_TOML
    );
    let filled = Event::from_toml(&filled, "filled in").unwrap();
    assert_eq!(filled.collection_code_steps[0].steps[0].zh, "登录");
    let dress = e
        .instructions
        .iter()
        .flat_map(|s| &s.items)
        .map(|t| t.zh.as_str())
        .collect::<String>();
    for must in ["衣领", "黄色", "眼镜", "额头"] {
        assert!(dress.contains(must), "instructions lack {must}");
    }
    assert_eq!(e.contacts[0].phones, vec!["020-82870990"]);
}

fn broken(from: &str, to: &str) -> String {
    let t = photoday_core::event::GZCC_2023_TOML;
    assert!(t.contains(from), "template lacks {from}");
    t.replacen(from, to, 1)
}

fn field_of(toml: &str) -> (String, String) {
    match Event::from_toml(toml, "event.toml") {
        Err(Error::InvalidEvent { field, message, .. }) => (field, message),
        other => panic!("expected an InvalidEvent, got {other:?}"),
    }
}

#[test]
fn a_window_that_ends_before_it_starts_names_its_field() {
    let t = broken(
        r#"windows = [{ start = "15:00", end = "16:30" }]"#,
        r#"windows = [{ start = "16:30", end = "15:00" }]"#,
    );
    let (field, msg) = field_of(&t);
    assert_eq!(field, "sessions[7].windows[0].end");
    assert!(msg.contains("数字经济产业学院"), "{msg}");
}

#[test]
fn two_sessions_overlapping_in_one_room_are_refused_but_touching_windows_are_fine() {
    // 一教206 on 6月4日: 现代信息产业学院 ends 15:00 and 数字经济产业学院 starts 15:00 — fine (the template loads).
    Event::template("gzcc-2023").unwrap();
    let t = broken(
        r#"windows = [{ start = "15:00", end = "16:30" }]"#,
        r#"windows = [{ start = "14:45", end = "16:30" }]"#,
    );
    let (field, msg) = field_of(&t);
    assert_eq!(field, "sessions[7].windows");
    assert!(
        msg.contains("一教206") && msg.contains("现代信息产业学院"),
        "{msg}"
    );
}

#[test]
fn batch_size_fee_and_makeup_deadlines_are_checked() {
    let (field, _) = field_of(&broken("batch_size = 8", "batch_size = 0"));
    assert_eq!(field, "batch_size");
    let (field, _) = field_of(&broken("batch_size = 8", "batch_size = 21"));
    assert_eq!(field, "batch_size");
    let (field, msg) = field_of(&broken(
        r#"deadline = "2023-05-20 17:00""#,
        r#"deadline = "2023-06-05 17:00""#,
    ));
    assert_eq!(field, "fee.deadline");
    assert!(msg.contains("2023-06-03 09:30"), "{msg}");
    let (field, _) = field_of(&broken(
        r#"deadline = "2024-04-30 17:00""#,
        r#"deadline = "2023-06-01 17:00""#,
    ));
    assert_eq!(field, "makeup.deadline");
}

#[test]
fn a_typo_in_a_time_is_reported_with_its_line() {
    let t = broken(r#"start = "14:30""#, r#"start = "14h30""#);
    let (field, msg) = field_of(&t);
    assert!(field.starts_with("line "), "{field}");
    assert!(msg.contains("14h30"), "{msg}");
}

#[test]
fn an_unknown_template_is_named() {
    let err = Event::template("pku-2024").unwrap_err();
    assert!(err.to_string().contains("pku-2024"));
}
