import { useEffect, useRef, useState } from "react"

/** The rendered width of an element, kept current as the layout changes. */
export const useElementWidth = <T extends HTMLElement>() => {
  const ref = useRef<T>(null)
  const [width, setWidth] = useState(0)
  useEffect(() => {
    const element = ref.current
    if (!element) {
      return
    }
    setWidth(element.getBoundingClientRect().width)
    if (typeof ResizeObserver === "undefined") {
      return
    }
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return { ref, width }
}
