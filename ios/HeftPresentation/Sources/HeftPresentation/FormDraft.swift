import HeftCore

/// What the person has chosen or typed in a core form, by field id, before
/// it is sent: the form's own values to start with. It keeps answers and
/// nothing else; the core checks them when they are sent.
public struct FormDraft: Equatable, Sendable {
    private var values: [String: [String]]
    /// Field ids in the order first set, so what is sent is stable.
    private var order: [String]

    public init() {
        values = [:]
        order = []
    }

    /// The values `fields` show now.
    public init(fields: [FormField]) {
        self.init()
        for field in fields {
            set(field.id, field.kind == .multiChoice ? field.values : [field.value])
        }
    }

    /// The text or choice of `field` now.
    public func value(_ field: String) -> String { values[field]?.first ?? "" }

    /// The choices of a multiple-choice `field` now.
    public func values(_ field: String) -> [String] { values[field] ?? [] }

    /// With `field` set to `value` (a typed text or a single choice).
    public func with(_ field: String, _ value: String) -> FormDraft {
        var copy = self
        copy.set(field, [value])
        return copy
    }

    /// With `value` added to or taken from the choices of `field`.
    public func toggled(_ field: String, _ value: String) -> FormDraft {
        var now = values(field)
        if let index = now.firstIndex(of: value) {
            now.remove(at: index)
        } else {
            now.append(value)
        }
        var copy = self
        copy.set(field, now)
        return copy
    }

    /// The values as the core takes them: one per field, one per chosen value.
    public func fieldValues() -> [FieldValue] {
        order.flatMap { field in (values[field] ?? []).map { FieldValue(field: field, value: $0) } }
    }

    private mutating func set(_ field: String, _ chosen: [String]) {
        if values[field] == nil { order.append(field) }
        values[field] = chosen
    }
}
