// The app's whole screen logic, platform-free: a back stack of the core's PageIds, the page on
// top as the core describes it, and what an Outcome does to the stack. The core decides every
// page's content, buttons, texts and where a tap leads; this file only keeps the stack, so the
// Android ViewModel is a thin wrapper that calls it on Dispatchers.IO (tested on the JVM).
package cn.photoday.ui

import cn.photoday.core.Command
import cn.photoday.core.Go
import cn.photoday.core.Input
import cn.photoday.core.Page
import cn.photoday.core.PageId
import cn.photoday.core.ScreensInterface

/** What one tap did: the core's answer, and the page to draw now (null: keep the one shown). */
class Step(val outcome: cn.photoday.core.Outcome, val page: Page?)

/**
 * The back stack over [screens], starting at [PageId.START] (which the core resolves to the mode
 * choice, the student's home or the staff's next step). Every call reaches the core and its
 * SQLite files: call from a background thread. The stack changes one call at a time; the core's
 * own work is serialised by the core, which drops a camera read that arrives while another is
 * with it (so reads are never queued here behind the stack's lock).
 */
class PageFlow(private val screens: ScreensInterface, private val clock: Clock = WallClock) {
    private val stack = mutableListOf(PageId.START)

    /** The last page asked for, or null before the first [load]. */
    @Volatile
    var page: Page? = null
        private set

    /** The stack, bottom first. */
    val pages: List<PageId> @Synchronized get() = stack.toList()

    /** Asks the core for the page on top, now. */
    @Synchronized
    fun load(): Page = screens.page(stack.last(), clock.nowMs()).also { page = it }

    /** Performs [command] with [input] and applies the outcome's [Go]. */
    fun perform(command: Command, input: Input = Input.Nothing): Step {
        val outcome = screens.perform(command, input, clock.nowMs())
        return synchronized(this) { Step(outcome, if (go(outcome.go)) load() else null) }
    }

    /** Moves the stack as [go] says; true when the page must be asked for again. */
    @Synchronized
    fun go(go: Go): Boolean = when (go) {
        Go.Stay -> true
        Go.Unchanged -> false
        is Go.Open -> {
            stack.add(go.page)
            true
        }
        Go.Back -> {
            if (stack.size > 1) stack.removeAt(stack.lastIndex)
            true
        }
        Go.Start -> {
            stack.clear()
            stack.add(PageId.START)
            true
        }
    }

    /** Whether the top bar shows a back arrow and the system back stays in the app. */
    fun canGoBack(): Boolean = pages.size > 1 && page?.canGoBack != false

    /** The system back: pops one page when [canGoBack]; false leaves it to the system. */
    @Synchronized
    fun back(): Boolean = canGoBack().also { if (it) stack.removeAt(stack.lastIndex) }

    companion object {
        /** How long to wait before asking for [page] again (the core keeps it sane); null when
         *  only a tap changes it. */
        fun refreshIn(page: Page): Long? = page.refreshMs?.toLong()
    }
}
