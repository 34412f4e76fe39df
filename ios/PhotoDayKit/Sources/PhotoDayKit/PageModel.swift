// The one model of the app: the core describes every screen (`Screens.page`), this keeps the back
// stack of those pages, asks for the one on top off the main actor, asks again when the page says
// so, hands every tap back to the core (`Screens.perform`) and applies what it answers.
//
// What is left to the platform is what only it can do: draw, gather an action's input (a typed
// line, a file, a photo, the clipboard), confirm, save a file, play a signal. The rules of that
// hand-over — which input to gather, the confirmation first, where an outcome goes — live here, so
// they are compiled and tested on Linux against the real core (Tests/PhotoDayKitTests).

import Foundation
import Observation
import PhotoDayCore

/// Something to show once: a message, a file to save, a signal to play. `n` tells two equal
/// values apart, so the view reacts to each.
public struct Once<Value: Equatable>: Equatable {
    public let value: Value
    public let n: Int
}

/// A message from the core (or the platform's own words), in its tone.
public struct Said: Equatable {
    public let text: String
    public let tone: Tone
}

/// What the view must gather before an action is performed.
public enum Ask: Equatable {
    /// "Are you sure?" with this question.
    case confirm(String)
    /// A typed line, asked with this label.
    case text(String)
    case file
    case photo
}

/// An action waiting for the platform's input or a confirmation.
public struct Asking: Equatable {
    public let action: Action
    public let ask: Ask
    /// Tells a second tap on the same button from the first, so the view asks again.
    public let n: Int
}

@MainActor
@Observable
public final class PageModel {
    /// The back stack; `.start` at the bottom, resolved by the core.
    public private(set) var stack: [PageId] = [.start]
    /// The pages loaded for the stack's entries (the one on top is fresh).
    public private(set) var pages: [PageId: Page] = [:]
    public private(set) var message: Once<Said>?
    public private(set) var file: Once<FileOut>?
    public private(set) var signal: Once<Signal>?
    /// The action waiting for the platform's input or a confirmation, and what to gather.
    public private(set) var asking: Asking?
    public let words: Words

    @ObservationIgnored let screens: Screens
    @ObservationIgnored let now: @Sendable () -> Int64
    @ObservationIgnored let reminders: ReminderScheduler
    @ObservationIgnored let clipboard: @MainActor () -> String?
    @ObservationIgnored private var generation = 0
    @ObservationIgnored private var count = 0
    @ObservationIgnored private var refresh: Task<Void, Never>?

    /// A model over `screens`; `now` is the clock the core judges against (Unix ms).
    public init(
        screens: Screens, lang: Lang,
        now: @escaping @Sendable () -> Int64 = { Int64((Date().timeIntervalSince1970 * 1000).rounded()) },
        reminderCenter: any ReminderCenter = NoReminderCenter(), clipboard: @escaping @MainActor () -> String? = { nil }
    ) {
        self.screens = screens
        self.now = now
        self.clipboard = clipboard
        words = screens.words()
        reminders = ReminderScheduler(screens: screens, center: reminderCenter, lang: lang, now: now)
    }

    /// The app's model: the core over Application Support/PhotoDay (a temporary folder should
    /// that ever be refused, rather than no app at all), in the reader's language.
    public convenience init(reminderCenter: any ReminderCenter, clipboard: @escaping @MainActor () -> String?) {
        let folder = (try? AppFiles.databaseFolder()) ?? FileManager.default.temporaryDirectory
        let path = { (name: String) in folder.appendingPathComponent(name, isDirectory: false).path }
        let lang = langFromLocale(locale: Locale.preferredLanguages.first ?? "zh-Hans")
        let screens = Screens(
            studentDb: path(AppFiles.studentDatabase), scannerDb: path(AppFiles.scannerDatabase),
            modeFile: path(AppFiles.modeFile), lang: lang)
        self.init(screens: screens, lang: lang, reminderCenter: reminderCenter, clipboard: clipboard)
    }

    /// The page on top of the stack, once loaded.
    public var page: Page? {
        guard let id = stack.last else { return nil }
        return pages[id]
    }

    /// Loads the page on top, lays the reminders: at launch and when the app comes back.
    public func start() async {
        await reload()
        await reminders.reschedule()
    }

    /// Asks the core for the page on top again (off the main actor), then again after its
    /// `refreshMs`. A load overtaken by a newer one is dropped.
    public func reload() async {
        guard let id = stack.last else { return }
        generation += 1
        let mine = generation
        refresh?.cancel()
        let screens = self.screens
        let now = self.now()
        let page: Page = await Task.detached { screens.page(id: id, nowMs: now) }.value
        guard mine == generation else { return }
        pages[id] = page
        if let ms = page.refreshMs {
            refresh = Task { [weak self] in
                try? await Task.sleep(nanoseconds: UInt64(ms) * 1_000_000)
                guard !Task.isCancelled else { return }
                await self?.reload()
            }
        }
    }

    /// The navigation bar's path changed (the system back button, a swipe): the stack follows at
    /// once, as SwiftUI expects of a path binding, and the page now on top is asked for again.
    @discardableResult
    public func follow(path: [PageId]) -> Task<Void, Never>? {
        guard path != Array(stack.dropFirst()) else { return nil }
        for gone in stack.dropFirst(path.count + 1) { pages[gone] = nil }
        stack = [.start] + path
        return Task { await reload() }
    }

    /// A tap on a button, row, toggle or menu item. A field's submit passes what was typed.
    public func tap(_ action: Action, typed: String? = nil) async {
        if let question = action.confirm {
            asking = request(action, .confirm(question))
            return
        }
        await gather(action, typed: typed)
    }

    /// The user confirmed the action asked about.
    public func confirmed() async {
        guard let asked = asking, case .confirm = asked.ask else { return }
        asking = nil
        await gather(asked.action, typed: nil)
    }

    /// What the platform gathered for the action asked about; nil when the user cancelled.
    public func answer(_ input: Input?) async {
        guard let asked = asking else { return }
        asking = nil
        if let input { await perform(asked.action.command, input) }
    }

    private func request(_ action: Action, _ ask: Ask) -> Asking {
        count += 1
        return Asking(action: action, ask: ask, n: count)
    }

    private func gather(_ action: Action, typed: String?) async {
        if let typed {
            return await perform(action.command, .text(text: typed))
        }
        switch action.needs {
        case .nothing: await perform(action.command, .nothing)
        case .text(let label): asking = request(action, .text(label))
        case .file: asking = request(action, .file)
        case .photo: asking = request(action, .photo)
        case .clipboard:
            if let text = clipboard(), !text.isEmpty {
                await perform(action.command, .text(text: text))
            } else {
                say(words.clipboardEmpty, .refused)
            }
        }
    }

    /// A text the camera of a page read, handed straight to the core: it drops a read that
    /// arrives while another is with it (`.unchanged`), so nothing queues here.
    public func scanned(_ scan: Scan, _ text: String) async {
        await perform(.scanned(scan: scan), .text(text: text))
    }

    /// A file handed to the app ("Open in PhotoDay"), imported by content; before a side is
    /// chosen the core keeps it and imports it with the side chosen.
    public func open(_ data: Data) async {
        stack = [.start]
        await perform(.import, .bytes(bytes: data))
    }

    /// The exporter wrote the outcome's file as `name`: the core's follow-up for it (a log
    /// counted as exported) when it has one, else the platform's "saved".
    public func fileSaved(_ name: String) async {
        guard let saved = file?.value.saved else { return say(words.fileSaved + name, .good) }
        await perform(saved)
    }

    /// The platform's own message (a file saved, one that could not be read).
    public func say(_ text: String, _ tone: Tone) {
        count += 1
        message = Once(value: Said(text: text, tone: tone), n: count)
    }

    /// Hands `command` to the core with `input` and applies the outcome.
    public func perform(_ command: Command, _ input: Input = .nothing) async {
        let screens = self.screens
        let now = self.now()
        let outcome: Outcome = await Task.detached { screens.perform(command: command, input: input, nowMs: now) }.value
        await apply(outcome)
    }

    private func apply(_ outcome: Outcome) async {
        count += 1
        if let text = outcome.message { message = Once(value: Said(text: text, tone: outcome.tone), n: count) }
        if let out = outcome.file { file = Once(value: out, n: count) }
        if let played = outcome.signal { signal = Once(value: played, n: count) }
        switch outcome.go {
        case .unchanged: return
        case .stay: break
        case .open(let page):
            pages[page] = nil
            stack.append(page)
        case .back:
            if stack.count > 1 { pages[stack.removeLast()] = nil }
        case .start:
            stack = [.start]
            pages = pages.filter { $0.key == .start }
        }
        await reload()
        await reminders.reschedule()
    }
}
