// Type-checking stub: signatures of the real Compose API (BOM 2024.12: ui/foundation/runtime
// 1.7, material3 1.3, material-icons-extended 1.7), for type-checking only; never shipped.
// Compiled without the Compose compiler plugin: @Composable is a plain annotation here.
@file:Suppress("unused", "UNUSED_PARAMETER", "NOTHING_TO_INLINE")

package androidx.compose.material3

import android.content.Context
import androidx.compose.foundation.BorderStroke
import androidx.compose.foundation.interaction.MutableInteractionSource
import androidx.compose.foundation.layout.ColumnScope
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.RowScope
import androidx.compose.foundation.text.KeyboardActions
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.runtime.Composable
import androidx.compose.runtime.ProvidableCompositionLocal
import androidx.compose.runtime.ReadOnlyComposable
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.Shape
import androidx.compose.ui.graphics.StrokeCap
import androidx.compose.ui.graphics.drawscope.DrawScope
import androidx.compose.ui.graphics.vector.ImageVector
import androidx.compose.ui.text.TextLayoutResult
import androidx.compose.ui.text.TextStyle
import androidx.compose.ui.text.font.FontFamily
import androidx.compose.ui.text.font.FontStyle
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.input.VisualTransformation
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.text.style.TextDecoration
import androidx.compose.ui.text.style.TextOverflow
import androidx.compose.ui.unit.Dp
import androidx.compose.ui.unit.TextUnit

@RequiresOptIn("This material API is experimental and is likely to change or to be removed in the future.")
@Retention(AnnotationRetention.BINARY)
annotation class ExperimentalMaterial3Api

// Theme -----------------------------------------------------------------------------------------

class ColorScheme internal constructor() {
    val primary: Color get() = TODO()
    val onPrimary: Color get() = TODO()
    val primaryContainer: Color get() = TODO()
    val onPrimaryContainer: Color get() = TODO()
    val secondary: Color get() = TODO()
    val onSecondary: Color get() = TODO()
    val surface: Color get() = TODO()
    val onSurface: Color get() = TODO()
    val surfaceVariant: Color get() = TODO()
    val onSurfaceVariant: Color get() = TODO()
    val error: Color get() = TODO()
    val onError: Color get() = TODO()
}

// The real functions take every role of the scheme (onSecondary, tertiary, …) after these, all
// with defaults; only the leading ones are declared here.
fun lightColorScheme(
    primary: Color = TODO(),
    onPrimary: Color = TODO(),
    primaryContainer: Color = TODO(),
    onPrimaryContainer: Color = TODO(),
    inversePrimary: Color = TODO(),
    secondary: Color = TODO(),
): ColorScheme = TODO()

fun darkColorScheme(
    primary: Color = TODO(),
    onPrimary: Color = TODO(),
    primaryContainer: Color = TODO(),
    onPrimaryContainer: Color = TODO(),
    inversePrimary: Color = TODO(),
    secondary: Color = TODO(),
): ColorScheme = TODO()

fun dynamicLightColorScheme(context: Context): ColorScheme = TODO()
fun dynamicDarkColorScheme(context: Context): ColorScheme = TODO()

class Typography {
    val titleLarge: TextStyle get() = TODO()
    val titleMedium: TextStyle get() = TODO()
    val bodyLarge: TextStyle get() = TODO()
    val bodyMedium: TextStyle get() = TODO()
    val bodySmall: TextStyle get() = TODO()
    val labelLarge: TextStyle get() = TODO()
}

class Shapes

object MaterialTheme {
    val colorScheme: ColorScheme
        @Composable @ReadOnlyComposable get() = TODO()
    val typography: Typography
        @Composable @ReadOnlyComposable get() = TODO()
    val shapes: Shapes
        @Composable @ReadOnlyComposable get() = TODO()
}

@Composable
fun MaterialTheme(
    colorScheme: ColorScheme = MaterialTheme.colorScheme,
    shapes: Shapes = MaterialTheme.shapes,
    typography: Typography = MaterialTheme.typography,
    content: @Composable () -> Unit,
): Unit = TODO()

val LocalContentColor: ProvidableCompositionLocal<Color> = TODO()
val LocalTextStyle: ProvidableCompositionLocal<TextStyle> = TODO()

// Text, icons ----------------------------------------------------------------------------------

@Composable
fun Text(
    text: String,
    modifier: Modifier = Modifier,
    color: Color = Color.Unspecified,
    fontSize: TextUnit = TextUnit.Unspecified,
    fontStyle: FontStyle? = null,
    fontWeight: FontWeight? = null,
    fontFamily: FontFamily? = null,
    letterSpacing: TextUnit = TextUnit.Unspecified,
    textDecoration: TextDecoration? = null,
    textAlign: TextAlign? = null,
    lineHeight: TextUnit = TextUnit.Unspecified,
    overflow: TextOverflow = TextOverflow.Clip,
    softWrap: Boolean = true,
    maxLines: Int = Int.MAX_VALUE,
    minLines: Int = 1,
    onTextLayout: ((TextLayoutResult) -> Unit)? = null,
    style: TextStyle = LocalTextStyle.current,
): Unit = TODO()

@Composable
fun Icon(
    imageVector: ImageVector,
    contentDescription: String?,
    modifier: Modifier = Modifier,
    tint: Color = LocalContentColor.current,
): Unit = TODO()

// Buttons ----------------------------------------------------------------------------------------

class ButtonColors internal constructor()
class ButtonElevation internal constructor()
class IconButtonColors internal constructor()

object ButtonDefaults {
    val ContentPadding: PaddingValues get() = TODO()
    val TextButtonContentPadding: PaddingValues get() = TODO()
    val shape: Shape @Composable get() = TODO()
    val outlinedShape: Shape @Composable get() = TODO()
    val textShape: Shape @Composable get() = TODO()
    val outlinedButtonBorder: BorderStroke @Composable get() = TODO()

    @Composable
    fun buttonColors(): ButtonColors = TODO()

    @Composable
    fun buttonColors(
        containerColor: Color = Color.Unspecified,
        contentColor: Color = Color.Unspecified,
        disabledContainerColor: Color = Color.Unspecified,
        disabledContentColor: Color = Color.Unspecified,
    ): ButtonColors = TODO()

    @Composable
    fun outlinedButtonColors(): ButtonColors = TODO()

    @Composable
    fun textButtonColors(): ButtonColors = TODO()

    @Composable
    fun buttonElevation(): ButtonElevation = TODO()
}

object IconButtonDefaults {
    val filledShape: Shape @Composable get() = TODO()

    @Composable
    fun iconButtonColors(): IconButtonColors = TODO()

    @Composable
    fun filledTonalIconButtonColors(): IconButtonColors = TODO()
}

@Composable
fun Button(
    onClick: () -> Unit,
    modifier: Modifier = Modifier,
    enabled: Boolean = true,
    shape: Shape = ButtonDefaults.shape,
    colors: ButtonColors = ButtonDefaults.buttonColors(),
    elevation: ButtonElevation? = ButtonDefaults.buttonElevation(),
    border: BorderStroke? = null,
    contentPadding: PaddingValues = ButtonDefaults.ContentPadding,
    interactionSource: MutableInteractionSource? = null,
    content: @Composable RowScope.() -> Unit,
): Unit = TODO()

@Composable
fun OutlinedButton(
    onClick: () -> Unit,
    modifier: Modifier = Modifier,
    enabled: Boolean = true,
    shape: Shape = ButtonDefaults.outlinedShape,
    colors: ButtonColors = ButtonDefaults.outlinedButtonColors(),
    elevation: ButtonElevation? = null,
    border: BorderStroke? = ButtonDefaults.outlinedButtonBorder,
    contentPadding: PaddingValues = ButtonDefaults.ContentPadding,
    interactionSource: MutableInteractionSource? = null,
    content: @Composable RowScope.() -> Unit,
): Unit = TODO()

@Composable
fun TextButton(
    onClick: () -> Unit,
    modifier: Modifier = Modifier,
    enabled: Boolean = true,
    shape: Shape = ButtonDefaults.textShape,
    colors: ButtonColors = ButtonDefaults.textButtonColors(),
    elevation: ButtonElevation? = null,
    border: BorderStroke? = null,
    contentPadding: PaddingValues = ButtonDefaults.TextButtonContentPadding,
    interactionSource: MutableInteractionSource? = null,
    content: @Composable RowScope.() -> Unit,
): Unit = TODO()

@Composable
fun IconButton(
    onClick: () -> Unit,
    modifier: Modifier = Modifier,
    enabled: Boolean = true,
    colors: IconButtonColors = IconButtonDefaults.iconButtonColors(),
    interactionSource: MutableInteractionSource? = null,
    content: @Composable () -> Unit,
): Unit = TODO()

@Composable
fun FilledTonalIconButton(
    onClick: () -> Unit,
    modifier: Modifier = Modifier,
    enabled: Boolean = true,
    shape: Shape = IconButtonDefaults.filledShape,
    colors: IconButtonColors = IconButtonDefaults.filledTonalIconButtonColors(),
    interactionSource: MutableInteractionSource? = null,
    content: @Composable () -> Unit,
): Unit = TODO()

// Cards, lists, checkboxes, progress ---------------------------------------------------------------

class CardColors internal constructor()
class CardElevation internal constructor()

object CardDefaults {
    val shape: Shape @Composable get() = TODO()

    @Composable
    fun cardColors(): CardColors = TODO()

    @Composable
    fun cardColors(
        containerColor: Color = Color.Unspecified,
        contentColor: Color = Color.Unspecified,
        disabledContainerColor: Color = Color.Unspecified,
        disabledContentColor: Color = Color.Unspecified,
    ): CardColors = TODO()

    @Composable
    fun cardElevation(): CardElevation = TODO()
}

@Composable
fun Card(
    modifier: Modifier = Modifier,
    shape: Shape = CardDefaults.shape,
    colors: CardColors = CardDefaults.cardColors(),
    elevation: CardElevation = CardDefaults.cardElevation(),
    border: BorderStroke? = null,
    content: @Composable ColumnScope.() -> Unit,
): Unit = TODO()

class ListItemColors internal constructor()

object ListItemDefaults {
    val Elevation: Dp get() = TODO()

    @Composable
    fun colors(
        containerColor: Color = TODO(),
        headlineColor: Color = TODO(),
        leadingIconColor: Color = TODO(),
        overlineColor: Color = TODO(),
        supportingColor: Color = TODO(),
        trailingIconColor: Color = TODO(),
        disabledHeadlineColor: Color = TODO(),
        disabledLeadingIconColor: Color = TODO(),
        disabledTrailingIconColor: Color = TODO(),
    ): ListItemColors = TODO()
}

@Composable
fun ListItem(
    headlineContent: @Composable () -> Unit,
    modifier: Modifier = Modifier,
    overlineContent: (@Composable () -> Unit)? = null,
    supportingContent: (@Composable () -> Unit)? = null,
    leadingContent: (@Composable () -> Unit)? = null,
    trailingContent: (@Composable () -> Unit)? = null,
    colors: ListItemColors = ListItemDefaults.colors(),
    tonalElevation: Dp = ListItemDefaults.Elevation,
    shadowElevation: Dp = ListItemDefaults.Elevation,
): Unit = TODO()

class CheckboxColors internal constructor()

object CheckboxDefaults {
    @Composable
    fun colors(): CheckboxColors = TODO()
}

@Composable
fun Checkbox(
    checked: Boolean,
    onCheckedChange: ((Boolean) -> Unit)?,
    modifier: Modifier = Modifier,
    enabled: Boolean = true,
    colors: CheckboxColors = CheckboxDefaults.colors(),
    interactionSource: MutableInteractionSource? = null,
): Unit = TODO()

// The real Material3 1.3 also keeps deprecated overloads of both indicators (progress as a
// Float); the app uses the current ones.
@Composable
fun CircularProgressIndicator(
    modifier: Modifier = Modifier,
    color: Color = TODO(),
    strokeWidth: Dp = TODO(),
    trackColor: Color = TODO(),
    strokeCap: StrokeCap = TODO(),
): Unit = TODO()

@Composable
fun LinearProgressIndicator(
    progress: () -> Float,
    modifier: Modifier = Modifier,
    color: Color = TODO(),
    trackColor: Color = TODO(),
    strokeCap: StrokeCap = TODO(),
    gapSize: Dp = TODO(),
    drawStopIndicator: DrawScope.() -> Unit = TODO(),
): Unit = TODO()

// Menus, dialogs, fields -------------------------------------------------------------------------

// The real DropdownMenu has offset, scrollState, properties, shape, containerColor,
// tonalElevation, shadowElevation and border (all with defaults) between modifier and content.
@Composable
fun DropdownMenu(
    expanded: Boolean,
    onDismissRequest: () -> Unit,
    modifier: Modifier = Modifier,
    content: @Composable ColumnScope.() -> Unit,
): Unit = TODO()

class MenuItemColors internal constructor()

object MenuDefaults {
    val DropdownMenuItemContentPadding: PaddingValues get() = TODO()

    @Composable
    fun itemColors(): MenuItemColors = TODO()
}

@Composable
fun DropdownMenuItem(
    text: @Composable () -> Unit,
    onClick: () -> Unit,
    modifier: Modifier = Modifier,
    leadingIcon: (@Composable () -> Unit)? = null,
    trailingIcon: (@Composable () -> Unit)? = null,
    enabled: Boolean = true,
    colors: MenuItemColors = MenuDefaults.itemColors(),
    contentPadding: PaddingValues = MenuDefaults.DropdownMenuItemContentPadding,
    interactionSource: MutableInteractionSource? = null,
): Unit = TODO()

// The real AlertDialog goes on with shape, containerColor, iconContentColor, titleContentColor,
// textContentColor, tonalElevation and properties (all with defaults).
@Composable
fun AlertDialog(
    onDismissRequest: () -> Unit,
    confirmButton: @Composable () -> Unit,
    modifier: Modifier = Modifier,
    dismissButton: @Composable (() -> Unit)? = null,
    icon: @Composable (() -> Unit)? = null,
    title: @Composable (() -> Unit)? = null,
    text: @Composable (() -> Unit)? = null,
): Unit = TODO()

// The real OutlinedTextField goes on with maxLines, minLines, interactionSource, shape and colors.
@Composable
fun OutlinedTextField(
    value: String,
    onValueChange: (String) -> Unit,
    modifier: Modifier = Modifier,
    enabled: Boolean = true,
    readOnly: Boolean = false,
    textStyle: TextStyle = LocalTextStyle.current,
    label: @Composable (() -> Unit)? = null,
    placeholder: @Composable (() -> Unit)? = null,
    leadingIcon: @Composable (() -> Unit)? = null,
    trailingIcon: @Composable (() -> Unit)? = null,
    prefix: @Composable (() -> Unit)? = null,
    suffix: @Composable (() -> Unit)? = null,
    supportingText: @Composable (() -> Unit)? = null,
    isError: Boolean = false,
    visualTransformation: VisualTransformation = VisualTransformation.None,
    keyboardOptions: KeyboardOptions = KeyboardOptions.Default,
    keyboardActions: KeyboardActions = KeyboardActions.Default,
    singleLine: Boolean = false,
): Unit = TODO()

// Scaffold, app bar, snackbars -------------------------------------------------------------------

// The real Scaffold has floatingActionButtonPosition, containerColor, contentColor and
// contentWindowInsets (with defaults) between floatingActionButton and content.
@Composable
fun Scaffold(
    modifier: Modifier = Modifier,
    topBar: @Composable () -> Unit = {},
    bottomBar: @Composable () -> Unit = {},
    snackbarHost: @Composable () -> Unit = {},
    floatingActionButton: @Composable () -> Unit = {},
    content: @Composable (PaddingValues) -> Unit,
): Unit = TODO()

// The real TopAppBar goes on with expandedHeight, windowInsets, colors and scrollBehavior.
@ExperimentalMaterial3Api
@Composable
fun TopAppBar(
    title: @Composable () -> Unit,
    modifier: Modifier = Modifier,
    navigationIcon: @Composable () -> Unit = {},
    actions: @Composable RowScope.() -> Unit = {},
): Unit = TODO()

enum class SnackbarDuration { Short, Long, Indefinite }

enum class SnackbarResult { Dismissed, ActionPerformed }

interface SnackbarVisuals {
    val message: String
    val actionLabel: String?
    val withDismissAction: Boolean
    val duration: SnackbarDuration
}

interface SnackbarData {
    val visuals: SnackbarVisuals
    fun performAction()
    fun dismiss()
}

class SnackbarHostState {
    val currentSnackbarData: SnackbarData? get() = TODO()

    suspend fun showSnackbar(
        message: String,
        actionLabel: String? = null,
        withDismissAction: Boolean = false,
        duration: SnackbarDuration = if (actionLabel == null) SnackbarDuration.Short else SnackbarDuration.Indefinite,
    ): SnackbarResult = TODO()
}

@Composable
fun SnackbarHost(
    hostState: SnackbarHostState,
    modifier: Modifier = Modifier,
    snackbar: @Composable (SnackbarData) -> Unit = { Snackbar(it) },
): Unit = TODO()

object SnackbarDefaults {
    val shape: Shape @Composable get() = TODO()
    val color: Color @Composable get() = TODO()
    val contentColor: Color @Composable get() = TODO()
    val actionColor: Color @Composable get() = TODO()
    val actionContentColor: Color @Composable get() = TODO()
    val dismissActionContentColor: Color @Composable get() = TODO()
}

@Composable
fun Snackbar(
    snackbarData: SnackbarData,
    modifier: Modifier = Modifier,
    actionOnNewLine: Boolean = false,
    shape: Shape = SnackbarDefaults.shape,
    containerColor: Color = SnackbarDefaults.color,
    contentColor: Color = SnackbarDefaults.contentColor,
    actionColor: Color = SnackbarDefaults.actionColor,
    actionContentColor: Color = SnackbarDefaults.actionContentColor,
    dismissActionContentColor: Color = SnackbarDefaults.dismissActionContentColor,
): Unit = TODO()
