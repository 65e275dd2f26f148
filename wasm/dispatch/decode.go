package dispatch

// Decode reads a JSON object into v exactly as the operations do: unknown
// fields, trailing data, a non-object and an empty body are CodeInvalid
// *core.Error values naming the field or the byte offset. The server's HTTP
// handlers use it so that a request body and an engine input are judged by
// the same rules and worded the same way.
func Decode(in []byte, v any) error { return decode(in, v) }

// DecodePart reads a JSON object that is part of a body Decode has read (a
// json.RawMessage field of it) into v by the same rules, without scanning
// its keys for repeats a second time: Decode checked every object of the body.
func DecodePart(in []byte, v any) error { return decodeWith(in, v, strict, keysChecked) }
