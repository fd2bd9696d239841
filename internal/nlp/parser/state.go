package parser

// state is an arc-eager parser configuration over n words. The artificial
// root sits at the end of the buffer, at index n (Ballesteros and Nivre
// 2013: "Going to the roots of dependency parsing"), so that words are only
// attached to it once nothing else can take them.
type state struct {
	n      int32
	stack  []int32
	b      int32    // front of the buffer; n when only the root is left
	head   []int32  // -1 while unattached; n for the root
	label  []int32  // label id of the arc to head, -1 while unattached
	l1, l2 []int32  // leftmost and second leftmost child, -1 if none
	r1, r2 []int32  // rightmost and second rightmost child
	nl, nr []int32  // number of left and right children
	ls, rs []uint64 // sets of left and right child labels (bit label%64)
}

// reset prepares s for n words, reusing its memory.
func (s *state) reset(n int) {
	s.n = int32(n)
	s.stack = s.stack[:0]
	s.b = 0
	// Index n (the root) gets children bookkeeping too.
	s.head = fill(s.head, n+1, -1)
	s.label = fill(s.label, n+1, -1)
	s.l1 = fill(s.l1, n+1, -1)
	s.l2 = fill(s.l2, n+1, -1)
	s.r1 = fill(s.r1, n+1, -1)
	s.r2 = fill(s.r2, n+1, -1)
	s.nl = fill(s.nl, n+1, 0)
	s.nr = fill(s.nr, n+1, 0)
	if cap(s.ls) < n+1 {
		s.ls = make([]uint64, n+1)
		s.rs = make([]uint64, n+1)
	}
	s.ls = s.ls[:n+1]
	s.rs = s.rs[:n+1]
	clear(s.ls)
	clear(s.rs)
}

func fill(x []int32, n int, v int32) []int32 {
	if cap(x) < n {
		x = make([]int32, n)
	}
	x = x[:n]
	for i := range x {
		x[i] = v
	}
	return x
}

func (s *state) done() bool { return s.b == s.n && len(s.stack) == 0 }

// top is the stack top, or -1.
func (s *state) top() int32 {
	if len(s.stack) == 0 {
		return -1
	}
	return s.stack[len(s.stack)-1]
}

// second is the item below the stack top, or -1.
func (s *state) second() int32 {
	if len(s.stack) < 2 {
		return -1
	}
	return s.stack[len(s.stack)-2]
}

// Transition kinds. A labelled transition is kind plus label.
const (
	shift = iota
	reduce
	left
	right
)

func (s *state) canShift() bool  { return s.b < s.n }
func (s *state) canReduce() bool { return len(s.stack) > 0 && s.head[s.top()] >= 0 }

// canLeft: a LEFT arc from the root (b == n) takes the root label, and
// only such an arc takes it.
func (s *state) canLeft() bool  { return len(s.stack) > 0 && s.head[s.top()] < 0 }
func (s *state) canRight() bool { return len(s.stack) > 0 && s.b < s.n }

func (s *state) apply(kind int, label int32) {
	switch kind {
	case shift:
		s.stack = append(s.stack, s.b)
		s.b++
	case reduce:
		s.stack = s.stack[:len(s.stack)-1]
	case left:
		d := s.top()
		s.stack = s.stack[:len(s.stack)-1]
		s.attach(s.b, d, label)
	case right:
		s.attach(s.top(), s.b, label)
		s.stack = append(s.stack, s.b)
		s.b++
	}
}

func (s *state) attach(h, d, label int32) {
	s.head[d] = h
	s.label[d] = label
	bit := uint64(1) << (uint(label) & 63)
	if d < h {
		s.nl[h]++
		s.ls[h] |= bit
		switch {
		case s.l1[h] < 0 || d < s.l1[h]:
			s.l2[h], s.l1[h] = s.l1[h], d
		case s.l2[h] < 0 || d < s.l2[h]:
			s.l2[h] = d
		}
	} else {
		s.nr[h]++
		s.rs[h] |= bit
		switch {
		case d > s.r1[h]:
			s.r2[h], s.r1[h] = s.r1[h], d
		case d > s.r2[h]:
			s.r2[h] = d
		}
	}
}
