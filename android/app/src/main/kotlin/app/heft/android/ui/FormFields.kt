package app.heft.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.selection.selectableGroup
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Star
import androidx.compose.material3.Checkbox
import androidx.compose.material3.Icon
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import app.heft.core.model.Choice
import app.heft.core.model.FieldKind
import app.heft.core.model.FormField
import app.heft.presenter.FormDraft

/**
 * A field of a core form (Onboarding, Settings) drawn by its kind, with
 * the value the person has chosen or typed so far ([draft]); its error, or
 * else its hint, under it.
 */
@Composable
fun FormFieldView(
    field: FormField,
    draft: FormDraft,
    onSet: (field: String, value: String) -> Unit,
    onToggle: (field: String, value: String) -> Unit,
    modifier: Modifier = Modifier,
) {
    Column(modifier.fillMaxWidth(), verticalArrangement = Arrangement.spacedBy(4.dp)) {
        when (field.kind) {
            FieldKind.CHOICE -> {
                Text(field.label, style = MaterialTheme.typography.titleSmall)
                Column(Modifier.selectableGroup()) {
                    field.choices.forEach { choice ->
                        val selected = draft.value(field.id) == choice.value
                        ChoiceRow(choice, selected, Role.RadioButton, onClick = { onSet(field.id, choice.value) }) {
                            RadioButton(selected = selected, onClick = null)
                        }
                    }
                }
            }
            FieldKind.MULTI_CHOICE -> {
                Text(field.label, style = MaterialTheme.typography.titleSmall)
                field.choices.forEach { choice ->
                    val checked = choice.value in draft.values(field.id)
                    ChoiceRow(choice, checked, Role.Checkbox, onClick = { onToggle(field.id, choice.value) }) {
                        Checkbox(checked = checked, onCheckedChange = null)
                    }
                }
            }
            FieldKind.NUMBER, FieldKind.TEXT -> OutlinedTextField(
                value = draft.value(field.id),
                onValueChange = { onSet(field.id, it) },
                label = { Text(field.label) },
                suffix = field.unit?.let { unit -> { Text(unit) } },
                isError = field.error != null,
                singleLine = true,
                keyboardOptions = KeyboardOptions(
                    keyboardType = if (field.kind == FieldKind.NUMBER) KeyboardType.Decimal else KeyboardType.Text,
                ),
                modifier = Modifier.fillMaxWidth().heightIn(min = TouchTarget),
            )
        }
        val under = field.error ?: field.hint
        if (under != null) {
            Text(
                under,
                style = MaterialTheme.typography.bodySmall,
                color = if (field.error != null) MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.onSurfaceVariant,
            )
        }
    }
}

/**
 * One choice as a whole row that is the touch target: its label, detail,
 * what it is for, a star when suggested, the notes to read before choosing.
 */
@Composable
private fun ChoiceRow(
    choice: Choice,
    selected: Boolean,
    role: Role,
    onClick: () -> Unit,
    control: @Composable () -> Unit,
) {
    val select = if (role == Role.Checkbox) {
        Modifier.toggleable(value = selected, role = role, onValueChange = { onClick() })
    } else {
        Modifier.selectable(selected = selected, role = role, onClick = onClick)
    }
    Row(
        Modifier.fillMaxWidth().heightIn(min = TouchTarget).then(select).padding(vertical = 4.dp),
        verticalAlignment = Alignment.Top,
    ) {
        control()
        Column(Modifier.weight(1f).padding(start = 8.dp)) {
            Row(verticalAlignment = Alignment.CenterVertically) {
                Text(choice.label, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.weight(1f, fill = false))
                // Decorative: the core gives no word for "suggested" yet
                // (the suggested choices also come first).
                if (choice.suggested) Icon(Icons.Filled.Star, contentDescription = null, tint = MaterialTheme.colorScheme.primary)
            }
            choice.detail?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
            choice.about?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
            choice.notes.forEach { BannerView(it) }
        }
    }
}
