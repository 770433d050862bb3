// Command goreaders is the tests' oracle: it reads texts the way the Go programs that consume the
// pipeline's output read them, and says whether any of them finds a core Secret, at any depth.
//
// Readers: go-yaml v2 (Helm, through sigs.k8s.io/yaml), Helm's manifest splitter, go-yaml v3
// (kustomize), kubectl's YAML-or-JSON stream reader (its line splitter, or a JSON stream when the
// text starts with '{'). Every string found is read again, and a string holding "{{" in a field
// a consumer executes (GOREADERS_EXECUTED, the pipeline's table) is also executed as a Go
// template (text/template with sprig) and its output read.
//
// Input: one JSON string per line (a whole file's text). Output: one JSON object per line,
// {"secret": "<reader and place>"} or {"secret": ""}.
//
// With the argument "executed" the text itself is also executed as a template (a field some
// consumer executes). With "vcluster" it executes a template as vcluster's deploy controller
// does (text/template without sprig, Release name "vc", namespace "vcluster-vc", empty Values):
// output {"out": "..."} or {"error": "..."}. With "v2" it reads a text as go-yaml v2 into
// interface{} and writes every document with its Go types ({"value": "<typed JSON>"}).
//
// With the argument "eso" it executes templates as External Secrets does (text/template with
// sprig, missingkey=error, the fetched secret keys as data): input lines
// {"template": "...", "data": {"key": "value"}}, output {"out": "..."} or {"error": "..."}.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode"

	"github.com/Masterminds/sprig"
	yaml2 "gopkg.in/yaml.v2"
	yaml3 "gopkg.in/yaml.v3"
	sigsyaml "sigs.k8s.io/yaml"
)

const maxDepth = 8

// Helm's releaseutil splitter.
var helmSeparator = regexp.MustCompile(`(?:^|\s*\n)---\s*`)

type reader struct {
	name string
	read func(string) []interface{}
}

var readers = []reader{
	{"go-yaml v2", readV2},
	{"helm splitter + sigs.k8s.io/yaml", readHelm},
	{"go-yaml v3", readV3},
	{"kubectl stream reader", readKubectl},
}

// decoder is what go-yaml v2's and v3's and encoding/json's stream decoders have in common.
type decoder interface {
	Decode(v interface{}) error
}

// decodeAll reads documents until the first error, as a consumer reading a stream does.
func decodeAll(dec decoder) (docs []interface{}) {
	defer func() { recover() }()
	for {
		var v interface{}
		if err := dec.Decode(&v); err != nil {
			return docs
		}
		docs = append(docs, v)
	}
}

func readV2(text string) []interface{} {
	return decodeAll(yaml2.NewDecoder(strings.NewReader(text)))
}

func readV3(text string) []interface{} {
	return decodeAll(yaml3.NewDecoder(strings.NewReader(text)))
}

func sigs(text string) (v interface{}, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	if err := sigsyaml.Unmarshal([]byte(text), &v); err != nil {
		return nil, false
	}
	return v, true
}

func readHelm(text string) (docs []interface{}) {
	for _, part := range helmSeparator.Split(text, -1) {
		if v, ok := sigs(part); ok {
			docs = append(docs, v)
		}
	}
	return docs
}

// kubectl (k8s.io/apimachinery yaml.YAMLOrJSONDecoder): a JSON stream when the text starts with
// '{' after Unicode white space, else documents split at lines that are "---" followed by
// nothing but Unicode white space or a comment, each read by sigs.k8s.io/yaml.
func readKubectl(text string) (docs []interface{}) {
	if strings.HasPrefix(strings.TrimLeftFunc(text, unicode.IsSpace), "{") {
		return decodeAll(json.NewDecoder(strings.NewReader(text)))
	}
	var chunk bytes.Buffer
	flush := func() {
		if v, ok := sigs(chunk.String()); ok {
			docs = append(docs, v)
		}
		chunk.Reset()
	}
	for _, line := range strings.SplitAfter(text, "\n") {
		if strings.HasPrefix(line, "---") {
			rest := strings.TrimSpace(line[3:])
			if rest == "" || rest[0] == '#' {
				flush()
				continue
			}
		}
		chunk.WriteString(line)
	}
	flush()
	return docs
}

func lower(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func isCoreSecret(m map[string]interface{}) bool {
	kind, apiVersion := "", ""
	for k, v := range m {
		s, isString := v.(string)
		switch lower(k) {
		case "kind":
			if isString && (strings.EqualFold(strings.TrimSpace(s), "secret") || strings.EqualFold(strings.TrimSpace(s), "secretlist")) {
				kind = "secret"
			}
		case "apiversion":
			if isString {
				apiVersion = lower(s)
			}
		}
	}
	return kind != "" && (!strings.Contains(apiVersion, "/") || strings.HasPrefix(apiVersion, "core/"))
}

type finder struct {
	seen     map[string]bool
	deadline time.Time
}

// executedFields are the fields a consumer executes as a Go template, by the last keys of their
// path ("[]" for a list's item), wherever the path ends: the pipeline's own table of consumers
// (guard/Consumers), passed as JSON in GOREADERS_EXECUTED. Every other string is applied as
// written, so "{{" in it is text, as it is for the real consumers.
var executedFields [][]string

func executes(keys []string) bool {
	for _, field := range executedFields {
		if len(keys) < len(field) {
			continue
		}
		tail, same := keys[len(keys)-len(field):], true
		for i := range field {
			same = same && tail[i] == field[i]
		}
		if same {
			return true
		}
	}
	return false
}

// below is the path one key further down, its last few keys kept.
func below(keys []string, key string) []string {
	next := append(append([]string{}, keys...), key)
	if len(next) > 8 {
		next = next[len(next)-8:]
	}
	return next
}

// read returns where a Secret is in text, or "". An executed text (one in a field a consumer
// executes, or read from one) holding "{{" is also executed as a Go template, once: every
// consumer here (vcluster's manifests template, External Secrets, Helm's tpl) executes a text
// once and uses what it writes; that output is read, not executed again.
func (f *finder) read(text string, depth int, executable bool) string {
	key := fmt.Sprintf("%t:%s", executable, text)
	if depth > maxDepth || f.seen[key] || time.Now().After(f.deadline) {
		return ""
	}
	f.seen[key] = true
	for _, r := range readers {
		for i, doc := range r.read(text) {
			if at := f.value(doc, depth, nil, executable); at != "" {
				return fmt.Sprintf("%s, document %d: %s", r.name, i+1, at)
			}
		}
	}
	if executable && strings.Contains(text, "{{") {
		if out, ok := execute(text); ok && out != text {
			if at := f.read(out, depth+1, false); at != "" {
				return "as a Go template: " + at
			}
		}
	}
	return ""
}

// value finds a Secret in a document's value; keys is the path to it, executed whether a
// consumer executes the field it is in.
func (f *finder) value(v interface{}, depth int, keys []string, executed bool) string {
	switch t := v.(type) {
	case map[string]interface{}:
		if isCoreSecret(t) {
			return "a Secret"
		}
		for k, item := range t {
			next := below(keys, k)
			nextExecuted := executed || executes(next)
			if at := f.read(k, depth+1, nextExecuted); at != "" {
				return "key " + k + ": " + at
			}
			if at := f.value(item, depth, next, nextExecuted); at != "" {
				return k + ": " + at
			}
		}
	case map[interface{}]interface{}:
		converted := map[string]interface{}{}
		for k, item := range t {
			converted[fmt.Sprint(k)] = item
		}
		return f.value(converted, depth, keys, executed)
	case []interface{}:
		next := below(keys, "[]")
		for i, item := range t {
			if at := f.value(item, depth, next, executed || executes(next)); at != "" {
				return fmt.Sprintf("[%d]: %s", i, at)
			}
		}
	case string:
		if at := f.read(t, depth+1, executed); at != "" {
			return "text: " + at
		}
	case []byte:
		return f.value(string(t), depth, keys, executed)
	}
	return ""
}

type limited struct {
	bytes.Buffer
}

func (l *limited) Write(p []byte) (int, error) {
	if l.Len()+len(p) > 4<<20 {
		return 0, io.ErrShortWrite
	}
	return l.Buffer.Write(p)
}

// execute renders text as vcluster renders a manifests template (Helm's tpl): Release and Chart
// data, empty Values.
func execute(text string) (string, bool) {
	type result struct {
		out string
		ok  bool
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if recover() != nil {
				done <- result{"", false}
			}
		}()
		funcs := sprig.TxtFuncMap()
		funcs["toYaml"] = func(v interface{}) string { b, _ := sigsyaml.Marshal(v); return string(b) }
		funcs["include"] = func(string, interface{}) string { return "" }
		funcs["tpl"] = func(s string, _ interface{}) string { return s }
		funcs["required"] = func(_ string, v interface{}) interface{} { return v }
		t, err := template.New("t").Funcs(funcs).Parse(text)
		if err != nil {
			done <- result{"", false}
			return
		}
		data := map[string]interface{}{
			"Release": map[string]interface{}{"Name": "vc", "Namespace": "vcluster-vc", "Service": "Helm"},
			"Chart":   map[string]interface{}{"Name": "vcluster", "Version": "0.30.4"},
			"Values":  map[string]interface{}{},
		}
		var out limited
		if err := t.Execute(&out, data); err != nil {
			done <- result{"", false}
			return
		}
		done <- result{out.String(), true}
	}()
	select {
	case r := <-done:
		return r.out, r.ok
	case <-time.After(2 * time.Second):
		return "", false
	}
}

// serve answers one JSON line with one JSON line, until the input ends.
func serve(in *bufio.Reader, out *bufio.Writer, answer func(line string) map[string]string) {
	for {
		line, err := in.ReadString('\n')
		if strings.TrimSpace(line) != "" {
			b, _ := json.Marshal(answer(line))
			out.Write(b)
			out.WriteString("\n")
			out.Flush()
		}
		if err != nil {
			return
		}
	}
}

// esoAnswer executes a template as External Secrets does, on the request's data.
func esoAnswer(line string) map[string]string {
	var request struct {
		Template string            `json:"template"`
		Data     map[string]string `json:"data"`
	}
	answer := map[string]string{}
	if jsonErr := json.Unmarshal([]byte(line), &request); jsonErr != nil {
		answer["error"] = jsonErr.Error()
	} else if t, parseErr := template.New("v").Option("missingkey=error").Funcs(sprig.TxtFuncMap()).Parse(request.Template); parseErr != nil {
		answer["error"] = parseErr.Error()
	} else {
		data := map[string]interface{}{}
		for k, v := range request.Data {
			data[k] = v
		}
		var buf limited
		if execErr := t.Execute(&buf, data); execErr != nil {
			answer["error"] = execErr.Error()
		} else {
			answer["out"] = buf.String()
		}
	}
	return answer
}

// vclusterAnswer executes a template as vcluster's ExecTemplate does (pkg/k8s/k8s.go).
func vclusterAnswer(line string) map[string]string {
	var text string
	answer := map[string]string{}
	if err := json.Unmarshal([]byte(line), &text); err != nil {
		answer["error"] = err.Error()
	} else if t, err := template.New("").Parse(text); err != nil {
		answer["error"] = err.Error()
	} else {
		var out limited
		data := map[string]interface{}{"Values": map[string]interface{}{},
			"Release": map[string]interface{}{"Name": "vc", "Namespace": "vcluster-vc"}}
		if err := t.Execute(&out, data); err != nil {
			answer["error"] = err.Error()
		} else {
			answer["out"] = out.String()
		}
	}
	return answer
}

// typed writes a go-yaml v2 value with its Go type: strings {"s": ...}, integers {"i": ...},
// floats {"f": ...}, booleans and null as themselves; a map's keys carry their type too.
func typed(v interface{}) interface{} {
	switch t := v.(type) {
	case nil, bool:
		return t
	case string:
		return map[string]string{"s": t}
	case int:
		return map[string]string{"i": strconv.Itoa(t)}
	case int64:
		return map[string]string{"i": strconv.FormatInt(t, 10)}
	case uint64:
		return map[string]string{"i": strconv.FormatUint(t, 10)}
	case float64:
		return map[string]string{"f": strconv.FormatFloat(t, 'f', -1, 64)}
	case []interface{}:
		out := []interface{}{}
		for _, item := range t {
			out = append(out, typed(item))
		}
		return out
	case map[interface{}]interface{}:
		out := map[string]interface{}{}
		for k, item := range t {
			key, _ := json.Marshal(typed(k))
			out[string(key)] = typed(item)
		}
		return out
	}
	return map[string]string{"other": fmt.Sprintf("%T", v)}
}

// v2Answer reads every document of a text as go-yaml v2 does into interface{}.
func v2Answer(line string) map[string]string {
	var text string
	answer := map[string]string{}
	if err := json.Unmarshal([]byte(line), &text); err != nil {
		answer["error"] = err.Error()
		return answer
	}
	func() {
		defer func() {
			if r := recover(); r != nil {
				answer["error"] = fmt.Sprint(r)
			}
		}()
		dec := yaml2.NewDecoder(strings.NewReader(text))
		docs := []interface{}{}
		for {
			var v interface{}
			err := dec.Decode(&v)
			if err == io.EOF {
				break
			}
			if err != nil {
				answer["error"] = err.Error()
				return
			}
			docs = append(docs, typed(v))
		}
		b, _ := json.Marshal(docs)
		answer["value"] = string(b)
	}()
	return answer
}

// readerAnswer says whether any reader finds a Secret in one text.
func readerAnswer(line string) map[string]string {
	return readerAnswerOf(line, false)
}

func readerAnswerOf(line string, executed bool) map[string]string {
	var text string
	answer := map[string]string{"secret": ""}
	if jsonErr := json.Unmarshal([]byte(line), &text); jsonErr != nil {
		answer["error"] = jsonErr.Error()
	} else {
		f := &finder{seen: map[string]bool{}, deadline: time.Now().Add(20 * time.Second)}
		// A rendered file is applied as it is (no consumer executes it); the strings in
		// it may be executed.
		answer["secret"] = f.read(text, 0, executed)
	}
	return answer
}

func main() {
	if table := os.Getenv("GOREADERS_EXECUTED"); table != "" {
		if err := json.Unmarshal([]byte(table), &executedFields); err != nil {
			fmt.Fprintln(os.Stderr, "GOREADERS_EXECUTED:", err)
			os.Exit(2)
		}
	}
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "eso":
			serve(in, out, esoAnswer)
		case "vcluster":
			serve(in, out, vclusterAnswer)
		case "v2":
			serve(in, out, v2Answer)
		case "executed":
			serve(in, out, func(line string) map[string]string { return readerAnswerOf(line, true) })
		}
		return
	}
	serve(in, out, readerAnswer)
}
