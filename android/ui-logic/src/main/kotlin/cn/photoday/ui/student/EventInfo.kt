// The notice, readable offline: its instructions, the fee, the 补拍 make-up, the 学信网 check and
// whom to call (the app turns each phone number into a tel: link; dialling needs no permission).
package cn.photoday.ui.student

import cn.photoday.core.BilingualText
import cn.photoday.core.Event
import cn.photoday.core.Lang
import cn.photoday.ui.UiError
import cn.photoday.ui.toUiError
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

data class InstructionCard(val title: String, val items: List<String>)

data class ContactCard(
    val name: String,
    val role: String,
    /** Dialable as written. */
    val phones: List<String>,
    val extension: String?,
    val place: String,
)

/** The fee as a student reads it: [note] is the core's (pay the liaison; never the colleges' account). */
data class FeeCard(val yuan: Int, val note: String)

data class MakeupCard(
    val deadline: String,
    val place: String,
    /** Dialable as written. */
    val phone: String,
    val feeYuan: Int,
    val schoolCode: String,
    val bring: List<String>,
)

data class VerificationCard(val afterDays: Int, val site: String, val how: String)

sealed interface EventInfoUiState {
    data object Loading : EventInfoUiState

    /** No bundle imported yet. */
    data object NoEvent : EventInfoUiState

    data class Ready(
        val title: String,
        val noticeRef: String,
        val school: String,
        val fee: FeeCard,
        val makeup: MakeupCard,
        val verification: VerificationCard,
        val contacts: List<ContactCard>,
        val sections: List<InstructionCard>,
    ) : EventInfoUiState

    /** The phone's database could not be opened. */
    data class Failed(val error: UiError) : EventInfoUiState
}

fun eventInfoState(e: Event, feeNote: BilingualText?, lang: Lang) = EventInfoUiState.Ready(
    title = e.title.textIn(lang),
    noticeRef = e.noticeRef,
    school = e.school.name.textIn(lang),
    fee = FeeCard(e.fee.yuan.toInt(), feeNote?.textIn(lang).orEmpty()),
    makeup = MakeupCard(
        deadline = e.makeup.deadlineLocal,
        place = e.makeup.place.textIn(lang),
        phone = e.makeup.phone,
        feeYuan = e.makeup.feeYuan.toInt(),
        schoolCode = e.makeup.schoolCode,
        bring = e.makeup.bring.map { it.textIn(lang) },
    ),
    verification = VerificationCard(e.verification.afterDays.toInt(), e.verification.site, e.verification.how.textIn(lang)),
    contacts = e.contacts.map {
        ContactCard(it.name.textIn(lang), it.role.textIn(lang), it.phones, it.extension, it.place.textIn(lang))
    },
    sections = e.instructions.map { s -> InstructionCard(s.title.textIn(lang), s.items.map { it.textIn(lang) }) },
)

/** Holds the notice screen; [event] is the phone's event and [feeNote] the core's fee sentence (memory only). */
class EventInfoModel(
    private val event: () -> Event?,
    private val feeNote: () -> BilingualText? = { null },
    private val lang: () -> Lang,
) {
    private val _state = MutableStateFlow<EventInfoUiState>(EventInfoUiState.Loading)
    val state: StateFlow<EventInfoUiState> = _state.asStateFlow()

    fun load() {
        _state.value = try {
            event()?.let { eventInfoState(it, feeNote(), lang()) } ?: EventInfoUiState.NoEvent
        } catch (e: Exception) {
            EventInfoUiState.Failed(e.toUiError())
        }
    }
}
