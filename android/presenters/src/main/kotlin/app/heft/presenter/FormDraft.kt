package app.heft.presenter

import app.heft.core.model.FieldKind
import app.heft.core.model.FieldValue
import app.heft.core.model.FormField

/**
 * What the person has chosen or typed in a core form, by field id, before
 * it is sent: the form's own values to start with. It keeps answers and
 * nothing else; the core checks them when they are sent.
 */
data class FormDraft(private val values: Map<String, List<String>> = emptyMap()) {
    /** The text or choice of [field] now. */
    fun value(field: String): String = values[field]?.firstOrNull() ?: ""

    /** The choices of a multiple-choice [field] now. */
    fun values(field: String): List<String> = values[field] ?: emptyList()

    /** With [field] set to [value] (a typed text or a single choice). */
    fun with(field: String, value: String): FormDraft = copy(values = values + (field to listOf(value)))

    /** With [value] added to or taken from the choices of [field]. */
    fun toggled(field: String, value: String): FormDraft {
        val now = values(field)
        val next = if (value in now) now - value else now + value
        return copy(values = values + (field to next))
    }

    /** The values as the core takes them: one per field, one per chosen value. */
    fun fieldValues(): List<FieldValue> =
        values.flatMap { (field, chosen) -> chosen.map { FieldValue(field, it) } }

    companion object {
        /** The values [fields] show now. */
        fun of(fields: List<FormField>): FormDraft = FormDraft(
            fields.associate { f ->
                f.id to if (f.kind == FieldKind.MULTI_CHOICE) f.values else listOf(f.value)
            },
        )
    }
}
